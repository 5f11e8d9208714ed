export interface Shape {
  readonly name: string;
}
