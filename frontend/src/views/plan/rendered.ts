// Tells the platform once that a view's data is on screen, for the
// desktop's window test; later reloads do not report again.
import { useEffect, useRef } from 'react';

import { reportRendered } from '../../platform';

export function useReportRendered(view: string, ready: boolean): void {
  const reported = useRef(false);
  useEffect(() => {
    if (!ready || reported.current) return;
    reported.current = true;
    reportRendered(view);
  }, [view, ready]);
}
