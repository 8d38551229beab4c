import '@mantine/core/styles/Radio.css';
import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LABEL_COLORS } from '../label-colors';

/**
 * The colour of a label as named radio buttons with a swatch each. A colour outside the palette (set
 * through the API) is offered as "current colour", so editing a label never changes it unasked.
 */
export function LabelColorField({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const { t } = useTranslation();
  const inPalette = LABEL_COLORS.some((option) => option.value.toLowerCase() === value.toLowerCase());
  const options: Array<{ key: string; value: string; label: string }> = LABEL_COLORS.map((option) => ({
    key: option.name,
    value: option.value,
    label: t(`board.card.labelColors.${option.name}`),
  }));
  if (!inPalette) options.push({ key: 'current', value, label: t('board.labels.currentColor') });
  const checked = options.find((option) => option.value.toLowerCase() === value.toLowerCase())?.value ?? value;
  return (
    <Radio.Group label={t('board.card.newLabelColor')} value={checked} onChange={onChange}>
      <Group gap="sm" mt={4}>
        {options.map((option) => (
          <Radio
            key={option.key}
            value={option.value}
            label={
              <span className="color-option">
                <span className="color-swatch" style={{ backgroundColor: option.value }} aria-hidden="true" />
                {option.label}
              </span>
            }
          />
        ))}
      </Group>
    </Radio.Group>
  );
}
