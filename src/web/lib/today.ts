import { useState } from 'react';
import { todayIso } from './format';

/** Today's date, fixed for the life of the component (so renders stay pure). */
export function useToday(): string {
  const [today] = useState(todayIso);
  return today;
}
