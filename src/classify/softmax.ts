// Multinomial logistic regression with an L2 penalty, over sparse named features.
// Written here rather than taken from a library: the npm ones fit one-vs-rest models, take no
// soft labels (a posting with an acceptable second category), or compute in float32 on a
// tensor runtime that dwarfs the CLI. This one is ~80 lines, deterministic to the bit (fixed
// start, fixed order, fixed number of steps), and its weights read as "this feature adds this much".

export interface Example {
  /** feature index → value */
  x: [number, number][];
  /** target distribution over the classes (sums to 1) */
  y: number[];
  /** how much this example counts in the loss */
  weight: number;
}

export interface LinearModel {
  /** [class][feature] */
  w: Float64Array[];
  bias: Float64Array;
}

/** Probabilities from scores at a temperature (1: the plain softmax). */
export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, z[i]!);
  const e = Array.from(z, (v) => Math.exp((v - max) / temperature));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function logits(m: LinearModel, x: [number, number][]): number[] {
  return Array.from(m.bias, (b, c) => {
    let z = b;
    const wc = m.w[c]!;
    for (const [j, v] of x) z += wc[j]! * v;
    return z;
  });
}

/**
 * Minimises Σ weight·cross-entropy / Σ weight + Σ λⱼ/2·wⱼ² (λ per feature; the bias is not penalised) by
 * full-batch gradient descent with Nesterov momentum. The loss is convex, so a fixed number of
 * steps from zero reaches the same optimum every time.
 */
export function fitSoftmax(examples: Example[], nFeatures: number, nClasses: number, lambda: number | ArrayLike<number>, steps = 1500): LinearModel {
  const lam = typeof lambda === 'number' ? new Float64Array(nFeatures).fill(lambda) : Float64Array.from(lambda);
  // the examples as one sparse matrix (rows: examples), the weights as one [class × feature] array
  const n = examples.length;
  const offsets = new Int32Array(n + 1);
  examples.forEach((e, i) => (offsets[i + 1] = offsets[i]! + e.x.length));
  const cols = new Int32Array(offsets[n]!);
  const vals = new Float64Array(offsets[n]!);
  examples.forEach((e, i) => e.x.forEach(([j, v], k) => ((cols[offsets[i]! + k] = j), (vals[offsets[i]! + k] = v))));
  const total = examples.reduce((t, e) => t + e.weight, 0);
  const y = Float64Array.from(examples.flatMap((e) => e.y));
  const k = Float64Array.from(examples, (e) => e.weight / total);
  const size = nClasses * nFeatures;
  const w = new Float64Array(size);
  const v = new Float64Array(size);
  const look = new Float64Array(size);
  const g = new Float64Array(size);
  const bias = new Float64Array(nClasses);
  const vb = new Float64Array(nClasses);
  const lookB = new Float64Array(nClasses);
  const gb = new Float64Array(nClasses);
  const z = new Float64Array(nClasses);
  // features are at most 2 and a posting has a few dozen: a step of 0.5 stays stable
  const rate = 0.5;
  const mu = 0.9;
  for (let step = 0; step < steps; step++) {
    for (let q = 0; q < size; q++) look[q] = w[q]! + mu * v[q]!;
    for (let c = 0; c < nClasses; c++) lookB[c] = bias[c]! + mu * vb[c]!;
    g.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      let max = -Infinity;
      for (let c = 0; c < nClasses; c++) {
        let s = lookB[c]!;
        const base = c * nFeatures;
        for (let q = from; q < to; q++) s += look[base + cols[q]!]! * vals[q]!;
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < nClasses; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < nClasses; c++) {
        const d = (z[c]! / sum - y[i * nClasses + c]!) * k[i]!;
        if (d === 0) continue;
        gb[c]! += d;
        const base = c * nFeatures;
        for (let q = from; q < to; q++) g[base + cols[q]!]! += d * vals[q]!;
      }
    }
    for (let c = 0; c < nClasses; c++) {
      const base = c * nFeatures;
      for (let j = 0; j < nFeatures; j++) {
        const q = base + j;
        v[q] = mu * v[q]! - rate * (g[q]! + lam[j]! * look[q]!);
        w[q]! += v[q]!;
      }
      vb[c] = mu * vb[c]! - rate * gb[c]!;
      bias[c]! += vb[c]!;
    }
  }
  return { w: Array.from({ length: nClasses }, (_, c) => w.slice(c * nFeatures, (c + 1) * nFeatures)), bias };
}
