// The cells the received-cases queries answer with: distinct cases by kind x line x channel.
export interface ReceivedCell {
  kind: string;
  line: string;
  channel: string;
  cases: number;
}
