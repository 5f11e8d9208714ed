/**
 * `first` → loop `count` (body `a`, `b`; 3 iterations; `context.n` is '1', '2' after iterations 1,
 * 2) → `last`. Paths: steps[0], steps[1], steps[1].loop.body[0], steps[1].loop.body[1], steps[2].
 */
export const LOOP_YAML = `
name: dbg
steps:
  - name: first
    input: "{{ previous_step }}"
  - kind: loop
    name: count
    loop:
      max_loops: 5
      body:
        - name: a
          input: "{{ previous_step }}a"
        - name: b
          input: "{{ previous_step }}b"
      exit_expression: "context.n == '2'"
      state:
        append:
          - target: context.items
            value: "{{ previous_step }}"
        set:
          - target: context.n
            value: "{{ context.items | length }}"
  - name: last
    input: "{{ previous_step }}!"
`;

/** `pick` (conditional on the input: branch `x` or `y`, two steps each) → `after`. */
export const CONDITIONAL_YAML = `
name: dbg
steps:
  - kind: conditional
    name: pick
    condition_expression: "previous_step"
    branches:
      x:
        - name: x1
          input: "x1"
        - name: x2
          input: "x2"
      y:
        - name: y1
          input: "y1"
        - name: y2
          input: "y2"
  - name: after
    input: "after {{ previous_step }}"
`;

/** `greet` writes context.greeting, `use` outputs it, `end` appends a dot: "hello." */
export const CONTEXT_YAML = `
name: dbg
steps:
  - name: greet
    agent: { id: flujo.builtins.context_set }
    input: { path: greeting, value: hello }
  - name: use
    input: "{{ context.greeting }}"
  - name: end
    input: "{{ previous_step }}."
`;

/** A parallel `fan` with branches a, b, c of two steps each, then `after`. */
export const PARALLEL_YAML = `
name: dbg
steps:
  - kind: parallel
    name: fan
    branches:
      a:
        - name: a1
          input: "a1"
        - name: a2
          input: "a2"
      b:
        - name: b1
          input: "b1"
        - name: b2
          input: "b2"
      c:
        - name: c1
          input: "c1"
        - name: c2
          input: "c2"
  - name: after
    input: "done"
`;

/** `slow` (a JS skill the test controls) → `next` → `end`. */
export const SLOW_YAML = `
name: dbg
steps:
  - name: slow
    uses: skills.slow:run
  - name: next
    input: "next {{ previous_step }}"
  - name: end
    input: "{{ previous_step }}."
`;
