import { createContext, useContext } from 'react';

/**
 * Answers an inbound call from anywhere (the header's button, Alt+A): opens the palette that finds the caller, the
 * call timed from that moment. Null where she does not take calls.
 */
export const InboundCallContext = createContext<(() => void) | null>(null);

export function useStartInboundCall(): (() => void) | null {
  return useContext(InboundCallContext);
}
