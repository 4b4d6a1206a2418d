// An edit form that opens in place of the button that opens it. When it
// closes, focus goes somewhere that makes sense (the button again, or the
// item the save changed) rather than to the page's body, and Escape
// closes it as Cancel does.
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export interface InlineForm<T extends HTMLElement> {
  open: boolean;
  /** Put on the button that opens the form: focus returns to it. */
  opener: RefObject<T | null>;
  show: () => void;
  /** Closes the form; focus goes to then() when given (such as the item saved), or to the opener. */
  close: (then?: () => HTMLElement | null) => void;
}

export function useInlineForm<T extends HTMLElement = HTMLButtonElement>(): InlineForm<T> {
  const [open, setOpen] = useState(false);
  const opener = useRef<T>(null);
  const target = useRef<(() => HTMLElement | null) | undefined>(undefined);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) (target.current?.() ?? opener.current)?.focus();
    wasOpen.current = open;
  }, [open]);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback((then?: () => HTMLElement | null) => {
    target.current = then;
    setOpen(false);
  }, []);
  return { open, opener, show, close };
}

/** A form's onKeyDown: Escape closes it. */
export function closeOnEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
}
