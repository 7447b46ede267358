/** Dependency-graph rules for tasks (finish-to-start). */

/**
 * Returns a cycle (as a list of task ids, first = last) that the edges would contain, or null.
 * `edges` maps a task to the tasks it depends on.
 */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = finished
  const stack: string[] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    // iterative DFS so that long chains cannot overflow the call stack
    const iters: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    stack.push(start);
    while (iters.length > 0) {
      const top = iters[iters.length - 1]!;
      const deps = edges.get(top.node) ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++]!;
        const s = state.get(dep);
        if (s === 1) {
          const from = stack.indexOf(dep);
          return [...stack.slice(from), dep];
        }
        if (s === undefined) {
          state.set(dep, 1);
          stack.push(dep);
          iters.push({ node: dep, next: 0 });
        }
      } else {
        state.set(top.node, 2);
        stack.pop();
        iters.pop();
      }
    }
  }
  return null;
}

/**
 * Would giving `taskId` the dependencies `dependsOn` create a cycle in the existing graph?
 * Returns the cycle if so.
 */
export function cycleIfSet(
  existing: ReadonlyMap<string, readonly string[]>,
  taskId: string,
  dependsOn: readonly string[],
): string[] | null {
  if (dependsOn.includes(taskId)) return [taskId, taskId];
  const edges = new Map(existing);
  edges.set(taskId, dependsOn);
  return findCycle(edges);
}
