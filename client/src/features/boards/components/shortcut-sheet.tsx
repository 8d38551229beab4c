import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/dialog';

const SHORTCUTS = ['help', 'tab', 'skip', 'arrows', 'homeEnd', 'openCard', 'pickUp', 'moveArrows', 'drop', 'cancel'] as const;
type NamedKey = 'tab' | 'enter' | 'home' | 'end' | 'space' | 'escape';
const ARROWS = ['↑', '↓', '←', '→'];
/** Symbols as they are; the keys with names, in the interface's language. */
const KEYS: Record<(typeof SHORTCUTS)[number], Array<NamedKey | { symbol: string }>> = {
  help: [{ symbol: '?' }],
  tab: ['tab'],
  skip: ['enter'],
  arrows: ARROWS.map((symbol) => ({ symbol })),
  homeEnd: ['home', 'end'],
  openCard: ['enter'],
  pickUp: ['space'],
  moveArrows: ARROWS.map((symbol) => ({ symbol })),
  drop: ['space'],
  cancel: ['escape'],
};

/** The board's keyboard help, shown on "?" (or from the board's menu) rather than taking room on the board. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} title={t('boardUi.shortcuts.title')} className="shortcut-sheet">
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut}>
            <dt>
              {KEYS[shortcut].map((key) => {
                const text = typeof key === 'string' ? t(`boardUi.shortcuts.keys.${key}`) : key.symbol;
                return <kbd key={text}>{text}</kbd>;
              })}
            </dt>
            <dd>{t(`boardUi.shortcuts.${shortcut}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
