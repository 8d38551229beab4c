import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/dialog';

const SHORTCUTS = ['help', 'tab', 'skip', 'arrows', 'homeEnd', 'openCard', 'pickUp', 'moveArrows', 'drop', 'cancel'] as const;
const KEYS: Record<(typeof SHORTCUTS)[number], string[]> = {
  help: ['?'],
  tab: ['Tab'],
  skip: ['Enter'],
  arrows: ['↑', '↓', '←', '→'],
  homeEnd: ['Home', 'End'],
  openCard: ['Enter'],
  pickUp: ['Space'],
  moveArrows: ['↑', '↓', '←', '→'],
  drop: ['Space'],
  cancel: ['Escape'],
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
              {KEYS[shortcut].map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(`boardUi.shortcuts.${shortcut}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
