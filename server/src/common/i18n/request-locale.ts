import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { LOCALES, type Locale } from '@enlace/shared';

/**
 * The language a request asks for in Accept-Language (the client sends the one its interface shows):
 * the known language with the highest weight, "pt-BR" counting as "pt"; English when none is known.
 */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag, ...params] = entry.trim().split(';');
      const weight = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((q) => q !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: weight === undefined ? 1 : Number(weight), order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.map((entry) => LOCALES.find((locale) => locale === entry.language)).find((locale) => locale !== undefined) ?? 'en';
}

/** The request's language (see requestLocale), for what the server names on the caller's behalf. */
export const RequestLocale = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Locale => requestLocale(context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['accept-language']),
);
