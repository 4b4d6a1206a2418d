// Words for the enums the dashboard counts, and shares as percentages.
export { observedChangeLabels, warningLabels } from '../../components/labels';

/** A share from 0 to 1 as a whole percentage, such as 62%. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
