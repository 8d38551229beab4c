import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface BoardMenuItem {
  id: string;
  label: string;
  onSelect: () => void;
}

/** The board's actions behind one button (Mantine's Menu: the menu button pattern, keyboard included). */
export function BoardMenu({ items }: { items: BoardMenuItem[] }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <Button variant="default" size="xs">
          {t('boardUi.menu.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item key={item.id} onClick={item.onSelect}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
