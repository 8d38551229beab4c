import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface BoardMenuItem {
  id: string;
  label: string;
  onSelect: () => void;
}

/**
 * The board's actions behind one button (the WAI-ARIA menu button pattern): the arrow keys, Home and
 * End move between items, Escape closes and returns to the button, Tab or a click elsewhere closes.
 */
export function BoardMenu({ items }: { items: BoardMenuItem[] }) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const itemsOf = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (open) itemsOf()[0]?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const all = itemsOf();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'ArrowDown' ? all[(index + 1) % all.length]
      : event.key === 'ArrowUp' ? all[(index - 1 + all.length) % all.length]
      : event.key === 'Home' ? all[0]
      : event.key === 'End' ? all[all.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div
      className="board-menu"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget)) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-outline button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('boardUi.menu.label')}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={t('boardUi.menu.label')} className="board-menu-list" onKeyDown={onKeyDown}>
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
