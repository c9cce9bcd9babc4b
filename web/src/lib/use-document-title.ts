import { useEffect } from 'react';

/** The browser tab and history entries say where the user is: "Bakkerij Nguyen · Collectdesk". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Collectdesk` : 'Collectdesk';
  }, [title]);
}
