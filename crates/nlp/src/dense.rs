//! Dense vector arithmetic for the neural parser: matrix-vector kernels
//! (AVX2 and FMA when the CPU has them, portable loops otherwise), a fast
//! rational `tanh`, the Adam optimiser and a
//! seeded random source. Everything runs in a fixed order, so training is
//! deterministic.

// Kernels index several arrays in step; iterator chains would hide that.
#![allow(clippy::needless_range_loop)]

/// Whether this CPU has AVX2 and FMA (checked once; the answer is cached).
#[inline]
fn wide() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Dot product.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: the CPU has AVX2 and FMA (checked just above).
        return unsafe { avx::dot(a, b) };
    }
    portable::dot(a, b)
}

/// `y += a·x`.
#[inline]
pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`.
        return unsafe { avx::axpy(y, a, x) };
    }
    portable::axpy(y, a, x)
}

/// `out = a + b`.
#[inline]
pub fn add(out: &mut [f32], a: &[f32], b: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`.
        return unsafe { add_avx2(out, a, b) };
    }
    add_body(out, a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn add_avx2(out: &mut [f32], a: &[f32], b: &[f32]) {
    add_body(out, a, b)
}

#[inline(always)]
fn add_body(out: &mut [f32], a: &[f32], b: &[f32]) {
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x + y;
    }
}

/// `out = first + rest[0] + rest[1] + …`, added in that order (so the
/// result is that of one `axpy` per row), in one pass over `out`.
pub fn sum_rows(out: &mut [f32], first: &[f32], rest: &[&[f32]]) {
    assert!(
        first.len() >= out.len() && rest.iter().all(|r| r.len() >= out.len()),
        "sum_rows shapes"
    );
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`; the shapes were checked just above.
        return unsafe { avx::sum_rows(out, first, rest) };
    }
    sum_rows_from(out, first, rest, 0)
}

/// `sum_rows` for the entries from `from` on, one at a time (the portable
/// kernel, and the vector kernel's tail).
#[inline]
fn sum_rows_from(out: &mut [f32], first: &[f32], rest: &[&[f32]], from: usize) {
    for i in from..out.len() {
        out[i] = rest.iter().fold(first[i], |a, r| a + r[i]);
    }
}

/// The LSTM cell at run time: `g` holds the gate pre-activations (i, f, g,
/// o; 4H), and the new cell and hidden state go to `cells` and `hidden`.
/// The same function as training's cell, computed eight lanes at a time
/// with a reciprocal in place of the division (relative error ~1e-7).
pub fn lstm_cell(g: &[f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32]) {
    let h = cells.len();
    assert!(
        g.len() >= 4 * h && c_prev.len() >= h && hidden.len() >= h,
        "lstm_cell shapes"
    );
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`; the shapes were checked just above.
        return unsafe { avx::lstm_cell(g, c_prev, cells, hidden) };
    }
    lstm_cell_from(g, c_prev, cells, hidden, 0)
}

/// `lstm_cell` for the units from `from` on, one at a time (the portable
/// kernel, and the vector kernel's tail).
#[inline]
fn lstm_cell_from(g: &[f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32], from: usize) {
    let h = cells.len();
    for k in from..h {
        let (i, f, c_in, o) = (
            sigmoid(g[k]),
            sigmoid(g[h + k]),
            tanh(g[2 * h + k]),
            sigmoid(g[3 * h + k]),
        );
        cells[k] = f * c_prev[k] + i * c_in;
        hidden[k] = o * tanh(cells[k]);
    }
}

/// `y += W·x` for a row-major `W` of `y.len()` rows and `x.len()` columns.
#[inline]
pub fn gemv(y: &mut [f32], w: &[f32], x: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`.
        return unsafe { avx::gemv(y, w, x) };
    }
    for (yi, row) in y.iter_mut().zip(w.chunks_exact(x.len())) {
        *yi += portable::dot(row, x);
    }
}

/// `Y[t] += W·X[t]` for each of the `n` rows of `x` (`n × cols`), giving
/// `y` (`n × rows`). Several words share each pass over `W`, so the weights
/// stream from cache once per block of words rather than once per word.
pub fn gemm(y: &mut [f32], w: &[f32], x: &[f32], rows: usize, cols: usize) {
    #[cfg(target_arch = "x86_64")]
    if wide() {
        // SAFETY: as in `dot`.
        return unsafe { avx::gemm(y, w, x, rows, cols) };
    }
    for (yt, xt) in y.chunks_exact_mut(rows).zip(x.chunks_exact(cols)) {
        gemv(yt, w, xt);
    }
}

/// A matrix repacked for `y += W·x` at run time: rows in panels of eight,
/// each panel stored column by column, so one broadcast of `x[j]` and one
/// contiguous load serve eight rows, and the sums need no horizontal add.
#[derive(Clone, Default)]
pub struct Packed {
    rows: usize,
    cols: usize,
    data: Vec<f32>,
}

impl Packed {
    pub fn new(w: &[f32], rows: usize, cols: usize) -> Self {
        let panels = rows.div_ceil(8);
        let mut data = vec![0f32; panels * cols * 8];
        for r in 0..rows {
            for c in 0..cols {
                data[((r / 8) * cols + c) * 8 + r % 8] = w[r * cols + c];
            }
        }
        Packed { rows, cols, data }
    }

    /// `y += W·x`.
    pub fn gemv(&self, y: &mut [f32], x: &[f32]) {
        assert!(
            y.len() >= self.rows && x.len() >= self.cols,
            "packed matrix shape"
        );
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: as in `dot`; the shapes were checked just above.
            return unsafe { avx::packed_gemv(y, &self.data, self.rows, self.cols, x) };
        }
        for r in 0..self.rows {
            let (panel, lane) = (r / 8, r % 8);
            let mut total = 0.0;
            for c in 0..self.cols {
                total += self.data[(panel * self.cols + c) * 8 + lane] * x[c];
            }
            y[r] += total;
        }
    }

    /// `Y[t] += W·X[t]` for the `n` rows of `x` (`n × cols`) into `y`
    /// (`n × rows`).
    pub fn gemm(&self, y: &mut [f32], x: &[f32], n: usize) {
        assert!(
            y.len() >= n * self.rows && x.len() >= n * self.cols,
            "packed matrix shape"
        );
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: as in `dot`; the shapes were checked just above.
            return unsafe { avx::packed_gemm(y, &self.data, self.rows, self.cols, x, n) };
        }
        for t in 0..n {
            self.gemv(
                &mut y[t * self.rows..(t + 1) * self.rows],
                &x[t * self.cols..(t + 1) * self.cols],
            );
        }
    }
}

/// How a layer's inputs become 16-bit integers for [`Packed16`]:
/// `round(x · scale)`, clamped to `±limit`. The same quantizer serves every
/// matrix that reads the same inputs, so they are converted once.
#[derive(Clone, Copy, Debug, Default)]
pub struct Quantizer {
    scale: f32,
    limit: f32,
}

impl Quantizer {
    /// Inputs of magnitude up to `bound` get 13 bits: steps of `bound / 8192`,
    /// far below what moves a parse, while leaving the weights most of an
    /// `i32` sum's range.
    pub fn for_bound(bound: f32) -> Self {
        let bound = if bound > 0.0 { bound } else { 1.0 };
        Quantizer {
            scale: 8192.0 / bound,
            limit: 8192.0,
        }
    }

    /// Writes `x` as integers into `out` (same length).
    pub fn quantize(&self, x: &[f32], out: &mut [i16]) {
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: the CPU has AVX2 and FMA (checked just above).
            return unsafe { quantize_avx2(*self, x, out) };
        }
        quantize_body(*self, x, out)
    }
}

/// Sixteen values per step: scale, clamp, round to nearest (ties to even,
/// as in `quantize_body`), narrow with the lanes put back in order.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn quantize_avx2(q: Quantizer, x: &[f32], out: &mut [i16]) {
    use std::arch::x86_64::*;
    let n = x.len().min(out.len());
    let (scale, lo, hi) = (
        _mm256_set1_ps(q.scale),
        _mm256_set1_ps(-q.limit),
        _mm256_set1_ps(q.limit),
    );
    let round = |at: *const f32| {
        _mm256_cvtps_epi32(_mm256_min_ps(
            _mm256_max_ps(_mm256_mul_ps(_mm256_loadu_ps(at), scale), lo),
            hi,
        ))
    };
    let mut i = 0;
    while i + 16 <= n {
        let packed = _mm256_packs_epi32(round(x.as_ptr().add(i)), round(x.as_ptr().add(i + 8)));
        _mm256_storeu_si256(
            out.as_mut_ptr().add(i) as *mut __m256i,
            _mm256_permute4x64_epi64(packed, 0b11_01_10_00),
        );
        i += 16;
    }
    quantize_body(q, &x[i..n], &mut out[i..n]);
}

#[inline(always)]
fn quantize_body(q: Quantizer, x: &[f32], out: &mut [i16]) {
    for (o, &v) in out.iter_mut().zip(x) {
        *o = (v * q.scale).clamp(-q.limit, q.limit).round_ties_even() as i16;
    }
}

/// A matrix quantized to 16-bit integers for `y += W·x` over inputs
/// quantized by a [`Quantizer`]: one `madd` multiplies and adds sixteen
/// pairs, twice the work of a float multiply-add on half the bytes. Rows
/// are in panels of eight, columns in pairs, so one broadcast of an input
/// pair serves eight rows. The weight scale is chosen so that no row's sum
/// can overflow an `i32`, whatever the inputs.
#[derive(Clone, Default)]
pub struct Packed16 {
    rows: usize,
    cols: usize,
    /// Columns rounded up to even: the length of each input row, whose
    /// last entry is ignored (its weight is zero) when `cols` is odd.
    stride: usize,
    data: Vec<i16>,
    /// One integer product unit in the output's units.
    unit: f32,
    input: Quantizer,
}

impl Packed16 {
    pub fn new(w: &[f32], rows: usize, cols: usize, input: Quantizer) -> Self {
        let largest = w.iter().fold(0f32, |a, x| a.max(x.abs()));
        let widest_row = w
            .chunks_exact(cols.max(1))
            .map(|r| r.iter().map(|x| x.abs()).sum::<f32>())
            .fold(0f32, f32::max);
        // Σ|q_w|·limit must stay below 2^31; the 2^16 margin covers rounding.
        let w_scale =
            (largest / 32767.0).max(widest_row * input.limit / (i32::MAX as f32 - 65536.0));
        let w_scale = if w_scale > 0.0 { w_scale } else { 1.0 };
        let panels = rows.div_ceil(8);
        let stride = cols.next_multiple_of(2);
        let pairs = stride / 2;
        let mut data = vec![0i16; panels * pairs * 16];
        for r in 0..rows {
            for c in 0..cols {
                let q = (w[r * cols + c] / w_scale).round().clamp(-32767.0, 32767.0) as i16;
                data[((r / 8) * pairs + c / 2) * 16 + (r % 8) * 2 + c % 2] = q;
            }
        }
        Packed16 {
            rows,
            cols,
            stride,
            data,
            unit: w_scale / input.scale,
            input,
        }
    }

    /// How this matrix's inputs must be quantized.
    pub fn input(&self) -> Quantizer {
        self.input
    }

    /// The length of one input row (`cols`, rounded up to even).
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Quantizes `x` (`n` rows of `cols`) into `out` as `n` rows of `stride`.
    pub fn quantize(&self, x: &[f32], n: usize, out: &mut Vec<i16>) {
        out.resize(n * self.stride, 0);
        if self.stride == self.cols {
            return self.input.quantize(&x[..n * self.cols], out);
        }
        for t in 0..n {
            self.input.quantize(
                &x[t * self.cols..(t + 1) * self.cols],
                &mut out[t * self.stride..t * self.stride + self.cols],
            );
        }
    }

    /// `y += W·x` for an input quantized with this matrix's quantizer.
    pub fn gemv(&self, y: &mut [f32], x: &[i16]) {
        self.gemm(y, x, 1)
    }

    /// `Y[t] += W·X[t]` for the `n` quantized rows of `x` (`n × stride`).
    pub fn gemm(&self, y: &mut [f32], x: &[i16], n: usize) {
        self.run(y, &[], x, n, false)
    }

    /// `Y[t] = W·X[t]`: the same, over whatever `y` held (so it needs no
    /// clearing first).
    pub fn gemm_to(&self, y: &mut [f32], x: &[i16], n: usize) {
        self.run(y, &[], x, n, true)
    }

    /// `y[at[t]..][..rows] += W·X[t]` for each row `t` of `x`: the outputs
    /// go straight to where they are summed (one word's gates among a
    /// text's), with no buffer in between.
    pub fn gemm_at(&self, y: &mut [f32], at: &[usize], x: &[i16]) {
        assert!(
            at.iter().all(|&o| o + self.rows <= y.len()),
            "packed matrix output out of range"
        );
        self.run(y, at, x, at.len(), false)
    }

    fn run(&self, y: &mut [f32], at: &[usize], x: &[i16], n: usize, overwrite: bool) {
        assert!(
            (!at.is_empty() || y.len() >= n * self.rows) && x.len() >= n * self.stride,
            "packed matrix shape"
        );
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: as in `dot`; the shapes were checked just above.
            return unsafe {
                avx::packed16_gemm(
                    y,
                    at,
                    &self.data,
                    self.rows,
                    self.stride,
                    x,
                    n,
                    self.unit,
                    overwrite,
                )
            };
        }
        self.run_portable(y, at, x, n, overwrite)
    }

    fn run_portable(&self, y: &mut [f32], at: &[usize], x: &[i16], n: usize, overwrite: bool) {
        let pairs = self.stride / 2;
        for t in 0..n {
            let xt = &x[t * self.stride..t * self.stride + self.cols];
            let base = at.get(t).copied().unwrap_or(t * self.rows);
            for r in 0..self.rows {
                let mut total = 0i32;
                for c in 0..self.cols {
                    total +=
                        i32::from(self.data[((r / 8) * pairs + c / 2) * 16 + (r % 8) * 2 + c % 2])
                            * i32::from(xt[c]);
                }
                let out = &mut y[base + r];
                *out = total as f32 * self.unit + if overwrite { 0.0 } else { *out };
            }
        }
    }
}

/// `dx += Wᵀ·dy`: the gradient that flows back through `y = W·x`.
#[inline]
pub fn gemv_t(dx: &mut [f32], w: &[f32], dy: &[f32]) {
    for (&d, row) in dy.iter().zip(w.chunks_exact(dx.len())) {
        if d != 0.0 {
            axpy(dx, d, row);
        }
    }
}

/// `dW += dy·xᵀ`: the weight gradient of `y = W·x`.
#[inline]
pub fn outer(dw: &mut [f32], dy: &[f32], x: &[f32]) {
    for (&d, row) in dy.iter().zip(dw.chunks_exact_mut(x.len())) {
        if d != 0.0 {
            axpy(row, d, x);
        }
    }
}

/// Kernels for any CPU, shaped so the compiler vectorises them: eight
/// running sums for a dot product (one sum would serialise on float
/// addition), a plain loop for `y += a·x`.
mod portable {
    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len().min(b.len());
        let (a, b) = (&a[..n], &b[..n]);
        let mut acc = [0f32; 8];
        let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
        let (ra, rb) = (ca.remainder(), cb.remainder());
        for (x, y) in ca.zip(cb) {
            for k in 0..8 {
                acc[k] += x[k] * y[k];
            }
        }
        let mut tail = 0.0;
        for (x, y) in ra.iter().zip(rb) {
            tail += x * y;
        }
        (acc[0] + acc[4]) + (acc[1] + acc[5]) + (acc[2] + acc[6]) + (acc[3] + acc[7]) + tail
    }

    #[inline]
    pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
        for (y, x) in y.iter_mut().zip(x) {
            *y += a * x;
        }
    }
}

/// The same kernels with 8-lane fused multiply-adds, for CPUs that have
/// AVX2 and FMA (checked at run time, so one binary serves every x86-64).
#[cfg(target_arch = "x86_64")]
mod avx {
    use std::arch::x86_64::*;

    #[target_feature(enable = "avx2,fma")]
    unsafe fn sum(v: __m256) -> f32 {
        let s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
        _mm_cvtss_f32(s)
    }

    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len().min(b.len());
        let (pa, pb) = (a.as_ptr(), b.as_ptr());
        let (mut s0, mut s1) = (_mm256_setzero_ps(), _mm256_setzero_ps());
        let mut i = 0;
        while i + 16 <= n {
            s0 = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(i)), _mm256_loadu_ps(pb.add(i)), s0);
            s1 = _mm256_fmadd_ps(
                _mm256_loadu_ps(pa.add(i + 8)),
                _mm256_loadu_ps(pb.add(i + 8)),
                s1,
            );
            i += 16;
        }
        if i + 8 <= n {
            s0 = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(i)), _mm256_loadu_ps(pb.add(i)), s0);
            i += 8;
        }
        let mut total = sum(_mm256_add_ps(s0, s1));
        while i < n {
            total += a[i] * b[i];
            i += 1;
        }
        total
    }

    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
        let n = y.len().min(x.len());
        let (py, px) = (y.as_mut_ptr(), x.as_ptr());
        let va = _mm256_set1_ps(a);
        let mut i = 0;
        while i + 8 <= n {
            _mm256_storeu_ps(
                py.add(i),
                _mm256_fmadd_ps(va, _mm256_loadu_ps(px.add(i)), _mm256_loadu_ps(py.add(i))),
            );
            i += 8;
        }
        while i < n {
            y[i] += a * x[i];
            i += 1;
        }
    }

    /// Blocks of four words by two rows: eight running sums, six loads for
    /// eight multiply-adds.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gemm(y: &mut [f32], w: &[f32], x: &[f32], rows: usize, cols: usize) {
        let n = (x.len() / cols.max(1)).min(y.len() / rows.max(1));
        let rows = rows.min(w.len() / cols.max(1));
        let (pw, px) = (w.as_ptr(), x.as_ptr());
        let mut t = 0;
        while t + 4 <= n {
            let xs = [
                px.add(t * cols),
                px.add((t + 1) * cols),
                px.add((t + 2) * cols),
                px.add((t + 3) * cols),
            ];
            let mut r = 0;
            while r + 2 <= rows {
                let ws = [pw.add(r * cols), pw.add((r + 1) * cols)];
                let mut s = [[_mm256_setzero_ps(); 4]; 2];
                let mut i = 0;
                while i + 8 <= cols {
                    let w0 = _mm256_loadu_ps(ws[0].add(i));
                    let w1 = _mm256_loadu_ps(ws[1].add(i));
                    for k in 0..4 {
                        let vx = _mm256_loadu_ps(xs[k].add(i));
                        s[0][k] = _mm256_fmadd_ps(w0, vx, s[0][k]);
                        s[1][k] = _mm256_fmadd_ps(w1, vx, s[1][k]);
                    }
                    i += 8;
                }
                for (j, row) in ws.iter().enumerate() {
                    for k in 0..4 {
                        let mut total = sum(s[j][k]);
                        for c in i..cols {
                            total += *row.add(c) * *xs[k].add(c);
                        }
                        y[(t + k) * rows + r + j] += total;
                    }
                }
                r += 2;
            }
            while r < rows {
                for k in 0..4 {
                    y[(t + k) * rows + r] += dot(
                        &w[r * cols..(r + 1) * cols],
                        &x[(t + k) * cols..(t + k + 1) * cols],
                    );
                }
                r += 1;
            }
            t += 4;
        }
        while t < n {
            gemv(
                &mut y[t * rows..(t + 1) * rows],
                w,
                &x[t * cols..(t + 1) * cols],
            );
            t += 1;
        }
    }

    /// Four panels (32 rows) at a time: four independent sums, each fed by
    /// one contiguous load and a shared broadcast of `x[j]`.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn packed_gemv(y: &mut [f32], data: &[f32], rows: usize, cols: usize, x: &[f32]) {
        let panels = rows.div_ceil(8);
        let base = data.as_ptr();
        let mut store = |panel: usize, acc: __m256| {
            let mut lanes = [0f32; 8];
            _mm256_storeu_ps(lanes.as_mut_ptr(), acc);
            for (k, v) in lanes.iter().enumerate() {
                let r = panel * 8 + k;
                if r < rows {
                    y[r] += v;
                }
            }
        };
        let mut q = 0;
        while q + 4 <= panels {
            let p = [
                base.add(q * cols * 8),
                base.add((q + 1) * cols * 8),
                base.add((q + 2) * cols * 8),
                base.add((q + 3) * cols * 8),
            ];
            let mut acc = [_mm256_setzero_ps(); 4];
            for j in 0..cols {
                let xj = _mm256_set1_ps(*x.get_unchecked(j));
                for k in 0..4 {
                    acc[k] = _mm256_fmadd_ps(_mm256_loadu_ps(p[k].add(j * 8)), xj, acc[k]);
                }
            }
            for k in 0..4 {
                store(q + k, acc[k]);
            }
            q += 4;
        }
        while q < panels {
            let p = base.add(q * cols * 8);
            // Two sums over alternate columns, to halve the latency chain.
            let (mut a0, mut a1) = (_mm256_setzero_ps(), _mm256_setzero_ps());
            let mut j = 0;
            while j + 2 <= cols {
                a0 = _mm256_fmadd_ps(
                    _mm256_loadu_ps(p.add(j * 8)),
                    _mm256_set1_ps(*x.get_unchecked(j)),
                    a0,
                );
                a1 = _mm256_fmadd_ps(
                    _mm256_loadu_ps(p.add((j + 1) * 8)),
                    _mm256_set1_ps(*x.get_unchecked(j + 1)),
                    a1,
                );
                j += 2;
            }
            if j < cols {
                a0 = _mm256_fmadd_ps(
                    _mm256_loadu_ps(p.add(j * 8)),
                    _mm256_set1_ps(*x.get_unchecked(j)),
                    a0,
                );
            }
            store(q, _mm256_add_ps(a0, a1));
            q += 1;
        }
    }

    /// Four words by two panels (16 rows): eight sums; per column, two
    /// weight loads and four broadcasts feed eight multiply-adds. The
    /// words left over go one at a time.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn packed_gemm(
        y: &mut [f32],
        data: &[f32],
        rows: usize,
        cols: usize,
        x: &[f32],
        n: usize,
    ) {
        let panels = rows.div_ceil(8);
        let base = data.as_ptr();
        let px = x.as_ptr();
        let mut t = 0;
        while t + 4 <= n {
            let xs = [
                px.add(t * cols),
                px.add((t + 1) * cols),
                px.add((t + 2) * cols),
                px.add((t + 3) * cols),
            ];
            let mut q = 0;
            while q < panels {
                let pair = q + 1 < panels;
                let p0 = base.add(q * cols * 8);
                let p1 = if pair {
                    base.add((q + 1) * cols * 8)
                } else {
                    p0
                };
                let mut acc = [[_mm256_setzero_ps(); 4]; 2];
                for j in 0..cols {
                    let w0 = _mm256_loadu_ps(p0.add(j * 8));
                    let w1 = _mm256_loadu_ps(p1.add(j * 8));
                    for k in 0..4 {
                        let xb = _mm256_set1_ps(*xs[k].add(j));
                        acc[0][k] = _mm256_fmadd_ps(w0, xb, acc[0][k]);
                        acc[1][k] = _mm256_fmadd_ps(w1, xb, acc[1][k]);
                    }
                }
                for (half, panel_acc) in acc.iter().enumerate().take(if pair { 2 } else { 1 }) {
                    for (k, &a) in panel_acc.iter().enumerate() {
                        let mut lanes = [0f32; 8];
                        _mm256_storeu_ps(lanes.as_mut_ptr(), a);
                        for (lane, v) in lanes.iter().enumerate() {
                            let r = (q + half) * 8 + lane;
                            if r < rows {
                                y[(t + k) * rows + r] += v;
                            }
                        }
                    }
                }
                q += 2;
            }
            t += 4;
        }
        while t < n {
            packed_gemv(
                &mut y[t * rows..(t + 1) * rows],
                data,
                rows,
                cols,
                &x[t * cols..(t + 1) * cols],
            );
            t += 1;
        }
    }

    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn sum_rows(out: &mut [f32], first: &[f32], rest: &[&[f32]]) {
        let n = out.len();
        let mut i = 0;
        while i + 8 <= n {
            let mut acc = _mm256_loadu_ps(first.as_ptr().add(i));
            for r in rest {
                acc = _mm256_add_ps(acc, _mm256_loadu_ps(r.as_ptr().add(i)));
            }
            _mm256_storeu_ps(out.as_mut_ptr().add(i), acc);
            i += 8;
        }
        super::sum_rows_from(out, first, rest, i);
    }

    /// `tanh` as in [`super::tanh`], eight lanes, the division done as a
    /// reciprocal estimate refined by one Newton step.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn tanh8(x: __m256) -> __m256 {
        let x = _mm256_min_ps(
            _mm256_max_ps(x, _mm256_set1_ps(-7.905_311)),
            _mm256_set1_ps(7.905_311),
        );
        let x2 = _mm256_mul_ps(x, x);
        let step = |p: __m256, c: f32| _mm256_fmadd_ps(x2, p, _mm256_set1_ps(c));
        let p = step(_mm256_set1_ps(-2.760_768_5e-16), 2.000_188e-13);
        let p = step(p, -8.604_672e-11);
        let p = step(p, 5.122_297e-8);
        let p = step(p, 1.485_722_4e-5);
        let p = step(p, 6.372_619_3e-4);
        let p = step(p, 4.893_524_6e-3);
        let p = _mm256_mul_ps(x, p);
        let q = step(_mm256_set1_ps(1.198_258_4e-6), 1.185_347_1e-4);
        let q = step(q, 2.268_434_6e-3);
        let q = step(q, 4.893_525e-3);
        let r = _mm256_rcp_ps(q);
        // r ← r·(2 − q·r)
        let r = _mm256_mul_ps(r, _mm256_fnmadd_ps(q, r, _mm256_set1_ps(2.0)));
        _mm256_mul_ps(p, r)
    }

    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn sigmoid8(x: __m256) -> __m256 {
        let half = _mm256_set1_ps(0.5);
        _mm256_fmadd_ps(half, tanh8(_mm256_mul_ps(half, x)), half)
    }

    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn lstm_cell(g: &[f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32]) {
        let h = cells.len();
        let gp = g.as_ptr();
        let mut k = 0;
        while k + 8 <= h {
            let i = sigmoid8(_mm256_loadu_ps(gp.add(k)));
            let f = sigmoid8(_mm256_loadu_ps(gp.add(h + k)));
            let c_in = tanh8(_mm256_loadu_ps(gp.add(2 * h + k)));
            let o = sigmoid8(_mm256_loadu_ps(gp.add(3 * h + k)));
            let c = _mm256_fmadd_ps(
                f,
                _mm256_loadu_ps(c_prev.as_ptr().add(k)),
                _mm256_mul_ps(i, c_in),
            );
            _mm256_storeu_ps(cells.as_mut_ptr().add(k), c);
            _mm256_storeu_ps(hidden.as_mut_ptr().add(k), _mm256_mul_ps(o, tanh8(c)));
            k += 8;
        }
        super::lstm_cell_from(g, c_prev, cells, hidden, k);
    }

    /// Adds one panel's integer sums, scaled by `unit`, to word `t`'s rows.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn add_panel(
        y: &mut [f32],
        rows: usize,
        out: usize,
        panel: usize,
        acc: __m256i,
        unit: __m256,
        overwrite: bool,
    ) {
        let v = _mm256_mul_ps(_mm256_cvtepi32_ps(acc), unit);
        let r0 = panel * 8;
        if r0 + 8 <= rows {
            let py = y[out + r0..out + r0 + 8].as_mut_ptr();
            _mm256_storeu_ps(
                py,
                if overwrite {
                    v
                } else {
                    _mm256_add_ps(_mm256_loadu_ps(py), v)
                },
            );
        } else {
            let mut lanes = [0f32; 8];
            _mm256_storeu_ps(lanes.as_mut_ptr(), v);
            for (lane, v) in lanes.iter().enumerate().take(rows - r0) {
                let o = &mut y[out + r0 + lane];
                *o = v + if overwrite { 0.0 } else { *o };
            }
        }
    }

    /// `W` words from `t` (written at `outs`) by two panels from `q`: per
    /// column pair, two weight loads and `W` broadcasts feed `2W` `madd`s.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    unsafe fn packed16_block<const W: usize>(
        y: &mut [f32],
        outs: [usize; W],
        data: &[i16],
        rows: usize,
        cols: usize,
        x: &[i16],
        t: usize,
        q: usize,
        unit: __m256,
        overwrite: bool,
    ) {
        let (panels, pairs) = (rows.div_ceil(8), cols / 2);
        let pair = q + 1 < panels;
        let p0 = data.as_ptr().add(q * pairs * 16);
        let p1 = if pair { p0.add(pairs * 16) } else { p0 };
        let xs: [*const i32; W] =
            std::array::from_fn(|k| x.as_ptr().add((t + k) * cols) as *const i32);
        let mut acc = [[_mm256_setzero_si256(); W]; 2];
        for j in 0..pairs {
            let w0 = _mm256_loadu_si256(p0.add(j * 16) as *const __m256i);
            let w1 = _mm256_loadu_si256(p1.add(j * 16) as *const __m256i);
            for k in 0..W {
                let xb = _mm256_set1_epi32(xs[k].add(j).read_unaligned());
                acc[0][k] = _mm256_add_epi32(acc[0][k], _mm256_madd_epi16(w0, xb));
                acc[1][k] = _mm256_add_epi32(acc[1][k], _mm256_madd_epi16(w1, xb));
            }
        }
        for k in 0..W {
            add_panel(y, rows, outs[k], q, acc[0][k], unit, overwrite);
            if pair {
                add_panel(y, rows, outs[k], q + 1, acc[1][k], unit, overwrite);
            }
        }
    }

    /// Blocks of four words; a tail of one to three words is one block.
    /// Word `t`'s rows are written at `at[t]`, or at `t · rows` when `at`
    /// is empty.
    #[target_feature(enable = "avx2,fma")]
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn packed16_gemm(
        y: &mut [f32],
        at: &[usize],
        data: &[i16],
        rows: usize,
        cols: usize,
        x: &[i16],
        n: usize,
        unit: f32,
        overwrite: bool,
    ) {
        let panels = rows.div_ceil(8);
        let unit = _mm256_set1_ps(unit);
        let out = |t: usize| at.get(t).copied().unwrap_or(t * rows);
        let mut t = 0;
        while t < n {
            let words = (n - t).min(4);
            for q in (0..panels).step_by(2) {
                match words {
                    4 => packed16_block::<4>(
                        y,
                        [out(t), out(t + 1), out(t + 2), out(t + 3)],
                        data,
                        rows,
                        cols,
                        x,
                        t,
                        q,
                        unit,
                        overwrite,
                    ),
                    3 => packed16_block::<3>(
                        y,
                        [out(t), out(t + 1), out(t + 2)],
                        data,
                        rows,
                        cols,
                        x,
                        t,
                        q,
                        unit,
                        overwrite,
                    ),
                    2 => packed16_block::<2>(
                        y,
                        [out(t), out(t + 1)],
                        data,
                        rows,
                        cols,
                        x,
                        t,
                        q,
                        unit,
                        overwrite,
                    ),
                    _ => {
                        packed16_block::<1>(y, [out(t)], data, rows, cols, x, t, q, unit, overwrite)
                    }
                }
            }
            t += words;
        }
    }

    /// Eight rows at a time: each load of `x` serves eight products, and
    /// eight independent sums keep both FMA units busy despite latency.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gemv(y: &mut [f32], w: &[f32], x: &[f32]) {
        const R: usize = 8;
        let cols = x.len();
        let rows = y.len().min(w.len() / cols.max(1));
        let px = x.as_ptr();
        let mut r = 0;
        while r + R <= rows {
            let base = w.as_ptr().add(r * cols);
            let mut s = [_mm256_setzero_ps(); R];
            let mut i = 0;
            while i + 8 <= cols {
                let vx = _mm256_loadu_ps(px.add(i));
                for k in 0..R {
                    s[k] = _mm256_fmadd_ps(_mm256_loadu_ps(base.add(k * cols + i)), vx, s[k]);
                }
                i += 8;
            }
            for k in 0..R {
                let mut total = sum(s[k]);
                for j in i..cols {
                    total += *base.add(k * cols + j) * x[j];
                }
                y[r + k] += total;
            }
            r += R;
        }
        while r < rows {
            y[r] += dot(&w[r * cols..(r + 1) * cols], x);
            r += 1;
        }
    }
}

/// `tanh` as a rational function (the 13/6 Padé-style fit Eigen uses),
/// accurate to about 1e-6 and several times faster than the libm call.
#[inline]
pub fn tanh(x: f32) -> f32 {
    let x = x.clamp(-7.905_311, 7.905_311);
    let x2 = x * x;
    let p = x2 * -2.760_768_5e-16 + 2.000_188e-13;
    let p = x2 * p + -8.604_672e-11;
    let p = x2 * p + 5.122_297e-8;
    let p = x2 * p + 1.485_722_4e-5;
    let p = x2 * p + 6.372_619_3e-4;
    let p = x2 * p + 4.893_524_6e-3;
    let p = x * p;
    let q = x2 * 1.198_258_4e-6 + 1.185_347_1e-4;
    let q = x2 * q + 2.268_434_6e-3;
    let q = x2 * q + 4.893_525e-3;
    p / q
}

/// `tanh` over a slice, eight lanes at a time where the CPU has AVX2
/// (same operations, same results).
pub fn tanh_all(xs: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        return unsafe { tanh_all_avx2(xs) };
    }
    xs.iter_mut().for_each(|x| *x = tanh(*x));
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn tanh_all_avx2(xs: &mut [f32]) {
    xs.iter_mut().for_each(|x| *x = tanh(*x));
}

#[inline]
pub fn sigmoid(x: f32) -> f32 {
    0.5 * tanh(0.5 * x) + 0.5
}

/// xorshift64: small, seeded, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
    /// Uniform in [-a, a).
    pub fn uniform(&mut self, a: f32) -> f32 {
        (2.0 * self.unit() - 1.0) * a
    }
    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f32 {
        let u = self.unit().max(1e-7);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f32::consts::TAU * v).cos()
    }
}

/// Adam (Kingma & Ba) with the second-moment decay of Dozat & Manning
/// (β₂ = 0.9), which suits parsers' sparse gradients.
pub struct Adam {
    pub lr: f32,
    pub beta1: f32,
    pub beta2: f32,
    pub eps: f32,
    step: i32,
}

impl Adam {
    pub fn new(lr: f32) -> Self {
        Adam {
            lr,
            beta1: 0.9,
            beta2: 0.9,
            eps: 1e-8,
            step: 0,
        }
    }

    /// Starts a new update: bias corrections depend on the step count.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Updates `w[range]` from `g[range]`, clearing the gradient. `scale`
    /// multiplies the gradient first (for clipping).
    pub fn update(&self, w: &mut [f32], g: &mut [f32], m: &mut [f32], v: &mut [f32], scale: f32) {
        let c1 = 1.0 - self.beta1.powi(self.step);
        let c2 = 1.0 - self.beta2.powi(self.step);
        let rate = self.lr * c2.sqrt() / c1;
        for i in 0..w.len() {
            let gi = g[i] * scale;
            m[i] = self.beta1 * m[i] + (1.0 - self.beta1) * gi;
            v[i] = self.beta2 * v[i] + (1.0 - self.beta2) * gi * gi;
            w[i] -= rate * m[i] / (v[i].sqrt() + self.eps);
            g[i] = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_tanh_matches_libm() {
        let mut worst = 0f32;
        for i in -2000..=2000 {
            let x = i as f32 / 100.0;
            worst = worst.max((tanh(x) - x.tanh()).abs());
        }
        assert!(worst < 2e-6, "worst error {worst}");
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-7);
        assert!((sigmoid(3.0) - 1.0 / (1.0 + (-3f32).exp())).abs() < 1e-6);
    }

    #[test]
    fn run_time_cell_and_sums_match_the_plain_ones() {
        let mut rng = Rng::new(11);
        let h = 19;
        let g: Vec<f32> = (0..4 * h).map(|_| 3.0 * rng.normal()).collect();
        let c_prev: Vec<f32> = (0..h).map(|_| rng.normal()).collect();
        let (mut cells, mut hidden) = (vec![0.0; h], vec![0.0; h]);
        lstm_cell(&g, &c_prev, &mut cells, &mut hidden);
        for k in 0..h {
            let (i, f, c_in, o) = (
                sigmoid(g[k]),
                sigmoid(g[h + k]),
                tanh(g[2 * h + k]),
                sigmoid(g[3 * h + k]),
            );
            let c = f * c_prev[k] + i * c_in;
            assert!(
                (cells[k] - c).abs() < 1e-5 && (hidden[k] - o * tanh(c)).abs() < 1e-5,
                "cell {k}"
            );
        }
        let rows: Vec<Vec<f32>> = (0..4)
            .map(|_| (0..21).map(|_| rng.normal()).collect())
            .collect();
        let mut out = vec![0.0; 21];
        sum_rows(&mut out, &rows[0], &[&rows[1], &rows[2], &rows[3]]);
        for i in 0..21 {
            assert_eq!(out[i], rows[0][i] + rows[1][i] + rows[2][i] + rows[3][i]);
        }
    }

    /// Row `r` of the row-major `w` (`cols` wide) times `x`, one product at a time.
    fn plain(w: &[f32], cols: usize, r: usize, x: &[f32]) -> f32 {
        (0..cols).map(|c| w[r * cols + c] * x[c]).sum()
    }

    #[test]
    fn kernels_agree_with_plain_loops() {
        let mut rng = Rng::new(7);
        let (rows, cols) = (5, 19);
        let w: Vec<f32> = (0..rows * cols).map(|_| rng.normal()).collect();
        let x: Vec<f32> = (0..cols).map(|_| rng.normal()).collect();
        let mut y = vec![0.0; rows];
        gemv(&mut y, &w, &x);
        for r in 0..rows {
            assert!((y[r] - plain(&w, cols, r, &x)).abs() < 1e-4);
        }
        let words = 7;
        let xs: Vec<f32> = (0..words * cols).map(|_| rng.normal()).collect();
        let mut ys = vec![0.5; words * rows];
        gemm(&mut ys, &w, &xs, rows, cols);
        for t in 0..words {
            for r in 0..rows {
                assert!(
                    (ys[t * rows + r] - (0.5 + plain(&w, cols, r, &xs[t * cols..]))).abs() < 1e-4
                );
            }
        }
        for (prows, pcols) in [(5, 19), (37, 16), (64, 7)] {
            let pw: Vec<f32> = (0..prows * pcols).map(|_| rng.normal()).collect();
            let px: Vec<f32> = (0..pcols).map(|_| rng.normal()).collect();
            let mut py = vec![1.0; prows];
            Packed::new(&pw, prows, pcols).gemv(&mut py, &px);
            for r in 0..prows {
                assert!(
                    (py[r] - (1.0 + plain(&pw, pcols, r, &px))).abs() < 1e-4,
                    "packed {prows}x{pcols} row {r}"
                );
            }
            let n = 6;
            let pxs: Vec<f32> = (0..n * pcols).map(|_| rng.normal()).collect();
            let mut pys = vec![0.0; n * prows];
            Packed::new(&pw, prows, pcols).gemm(&mut pys, &pxs, n);
            for t in 0..n {
                for r in 0..prows {
                    assert!(
                        (pys[t * prows + r] - plain(&pw, pcols, r, &pxs[t * pcols..])).abs() < 1e-4,
                        "packed gemm {prows}x{pcols} word {t} row {r}"
                    );
                }
            }
        }
        for (prows, pcols, n) in [
            (5, 18, 1),
            (37, 16, 6),
            (64, 96, 7),
            (384, 96, 3),
            (9, 7, 5),
        ] {
            let pw: Vec<f32> = (0..prows * pcols).map(|_| rng.normal()).collect();
            let pxs: Vec<f32> = (0..n * pcols).map(|_| rng.uniform(1.0)).collect();
            let packed = Packed16::new(&pw, prows, pcols, Quantizer::for_bound(1.0));
            let mut qx = Vec::new();
            packed.quantize(&pxs, n, &mut qx);
            let mut overwritten = vec![9.0; n * prows];
            packed.gemm_to(&mut overwritten, &qx, n);
            let mut pys = vec![0.25; n * prows];
            packed.gemm(&mut pys, &qx, n);
            let mut portable = vec![0.25; n * prows];
            packed.run_portable(&mut portable, &[], &qx, n, false);
            // Scattered outputs: word t at (n - 1 - t) · rows gets the same sums.
            let at: Vec<usize> = (0..n).map(|t| (n - 1 - t) * prows).collect();
            let mut scattered = vec![0.25; n * prows];
            packed.gemm_at(&mut scattered, &at, &qx);
            for t in 0..n {
                assert_eq!(
                    scattered[at[t]..at[t] + prows],
                    pys[t * prows..(t + 1) * prows],
                    "gemm_at writes where it is told"
                );
            }
            assert_eq!(pys, portable, "the AVX2 and portable kernels agree exactly");
            let mut portable_q = vec![0i16; qx.len()];
            quantize_body(packed.input(), &pxs[..pcols], &mut portable_q[..pcols]);
            assert_eq!(
                qx[..pcols],
                portable_q[..pcols],
                "the AVX2 and portable quantizers agree"
            );
            assert!(
                pys.iter()
                    .zip(&overwritten)
                    .all(|(a, b)| (a - 0.25 - b).abs() < 1e-4),
                "gemm_to overwrites what gemm adds to"
            );
            for t in 0..n {
                for r in 0..prows {
                    let plain = 0.25 + plain(&pw, pcols, r, &pxs[t * pcols..]);
                    assert!(
                        (pys[t * prows + r] - plain).abs() < 2e-2,
                        "packed16 {prows}x{pcols} word {t} row {r}: {} vs {plain}",
                        pys[t * prows + r]
                    );
                }
            }
        }
        let dy: Vec<f32> = (0..rows).map(|_| rng.normal()).collect();
        let mut dx = vec![0.0; cols];
        gemv_t(&mut dx, &w, &dy);
        for c in 0..cols {
            let plain: f32 = (0..rows).map(|r| w[r * cols + c] * dy[r]).sum();
            assert!((dx[c] - plain).abs() < 1e-4);
        }
    }
}
