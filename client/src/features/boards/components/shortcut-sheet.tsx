import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../../ui/modal';

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
  const titleId = useId();
  return (
    <Modal open onClose={onClose} labelledBy={titleId} className="shortcut-sheet">
      <div className="modal-header">
        <h2 id={titleId}>{t('boardUi.shortcuts.title')}</h2>
        <button type="button" className="button button-outline button-small" onClick={onClose}>
          {t('board.card.close')}
        </button>
      </div>
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
    </Modal>
  );
}
