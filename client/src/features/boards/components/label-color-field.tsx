import { useTranslation } from 'react-i18next';
import { LABEL_COLORS } from '../label-colors';

/**
 * The colour of a label as named radio buttons with a swatch each. A colour outside the palette (set
 * through the API) is offered as "current colour", so editing a label never changes it unasked.
 */
export function LabelColorField({ name, value, onChange }: { /** the radio group's name, unique in the page */ name: string; value: string; onChange: (color: string) => void }) {
  const { t } = useTranslation();
  const inPalette = LABEL_COLORS.some((option) => option.value.toLowerCase() === value.toLowerCase());
  const options: Array<{ key: string; value: string; label: string }> = LABEL_COLORS.map((option) => ({
    key: option.name,
    value: option.value,
    label: t(`board.card.labelColors.${option.name}`),
  }));
  if (!inPalette) options.push({ key: 'current', value, label: t('board.labels.currentColor') });
  return (
    <fieldset className="color-choices">
      <legend>{t('board.card.newLabelColor')}</legend>
      {options.map((option) => (
        <label key={option.key} className="option">
          <input type="radio" name={name} value={option.value} checked={value.toLowerCase() === option.value.toLowerCase()} onChange={() => onChange(option.value)} />
          <span className="color-swatch" style={{ backgroundColor: option.value }} aria-hidden="true" />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
