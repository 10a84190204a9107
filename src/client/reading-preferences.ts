/**
 * The reader's font size and contrast, kept in localStorage so they follow the reader
 * from page to page. The same keys are read by an inline script in the page head
 * ({@link APPLY_STORED_PREFERENCES}), which applies them before first paint.
 */
export const FONT_SIZE_KEY = 'gazette-font-size';
export const CONTRAST_KEY = 'gazette-contrast';

/**
 * The head's inline script: the stored choices on `<html>` before the page is painted, so a
 * reader who chose 特大 never sees the page jump. Plain ES5, inlined (a module would run too late).
 */
export const APPLY_STORED_PREFERENCES = `
      try {
        var root = document.documentElement;
        var size = localStorage.getItem('${FONT_SIZE_KEY}');
        if (size) root.dataset.fontSize = size;
        if (localStorage.getItem('${CONTRAST_KEY}') === 'high') root.dataset.contrast = 'high';
      } catch (e) {}
    `;

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/**
 * Wires the font-size and contrast buttons in `root` to the page and to storage, shows
 * 打印本页 buttons (`data-print`, rendered `hidden` so that without script no button does nothing),
 * and moves the focus into a header panel when a phone's 搜索 or 无障碍 button opens it.
 */
export function initReadingPreferences(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => root.defaultView?.print());
  }
  // A panel a phone's header button opens (搜索, 无障碍) takes the focus, so typing starts at once.
  for (const panel of root.querySelectorAll<HTMLElement>('[popover]')) {
    panel.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'open') panel.querySelector<HTMLElement>('input, button')?.focus();
    });
  }
  const html = root.documentElement;
  const sizeButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-font-size]')];
  const contrastButton = root.querySelector<HTMLButtonElement>('button[data-contrast-toggle]');

  const showSize = (size: string) => {
    html.dataset.fontSize = size;
    for (const button of sizeButtons) button.setAttribute('aria-pressed', String(button.dataset.fontSize === size));
  };
  const showContrast = (high: boolean) => {
    if (high) html.dataset.contrast = 'high';
    else delete html.dataset.contrast;
    contrastButton?.setAttribute('aria-pressed', String(high));
  };

  showSize(html.dataset.fontSize ?? 'medium');
  showContrast(html.dataset.contrast === 'high');
  for (const button of sizeButtons) {
    button.addEventListener('click', () => {
      const size = button.dataset.fontSize ?? 'medium';
      showSize(size);
      store(FONT_SIZE_KEY, size);
    });
  }
  contrastButton?.addEventListener('click', () => {
    const high = html.dataset.contrast !== 'high';
    showContrast(high);
    store(CONTRAST_KEY, high ? 'high' : 'normal');
  });
}
