import { useTranslation } from 'react-i18next';
import { wipStateOf } from '../wip-limit';

/**
 * The column's open cards against its limit, as "count/limit". A full or over-limit column also says
 * so in words, so colour is never the only sign; assistive technology reads one full sentence.
 */
export function WipIndicator({ count, wipLimit }: { count: number; wipLimit: number | null }) {
  const { t } = useTranslation();
  const state = wipStateOf(count, wipLimit);
  if (wipLimit === null) return <span className="small muted">{t('board.cardCount', { count })}</span>;
  const sentence = t('board.wipCount', { count, limit: wipLimit });
  return (
    <span className={`wip wip-${state} small`} title={sentence}>
      <span aria-hidden="true">
        {count}/{wipLimit}
      </span>
      <span className="visually-hidden">{sentence}</span>
      {state === 'full' && <span className="wip-flag">{t('board.columns.wipFull')}</span>}
      {state === 'over' && <span className="wip-flag">{t('board.columns.wipOver')}</span>}
    </span>
  );
}
