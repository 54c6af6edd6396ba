//! The parser's bidirectional LSTM: one direction's activations over a
//! sentence, its cell (with an AVX2 copy of the same loops), and its
//! backward pass for training.

use super::*;

/// One LSTM direction's activations over a sentence.
#[derive(Default)]
pub(super) struct Recurrence {
    /// Gate activations i, f, g, o: n × 4H.
    pub(super) gates: Vec<f32>,
    pub(super) cells: Vec<f32>,
    pub(super) hidden: Vec<f32>,
    pub(super) c_prev: Vec<f32>,
    /// The previous hidden state, quantized for `U`.
    pub(super) h_prev: Vec<i16>,
}

/// Each word's vector: the forward then the backward hidden state.
pub(super) fn join_directions([fw, bw]: &[Recurrence; 2], h: usize, n: usize, out: &mut [f32]) {
    let width = 2 * h;
    for i in 0..n {
        out[i * width..i * width + h].copy_from_slice(&fw.hidden[i * h..(i + 1) * h]);
        out[i * width + h..(i + 1) * width].copy_from_slice(&bw.hidden[i * h..(i + 1) * h]);
    }
}

/// One LSTM cell: the gate pre-activations `g` (i, f, g, o) become
/// activations, then the new cell and hidden state.
pub(super) fn cell_step(g: &mut [f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        return unsafe { cell_step_avx2(g, c_prev, cells, hidden) };
    }
    cell_step_body(g, c_prev, cells, hidden)
}

/// The same loops compiled for 8-lane AVX2 (the same operations in the
/// same order, so the same results).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn cell_step_avx2(g: &mut [f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32]) {
    cell_step_body(g, c_prev, cells, hidden)
}

#[inline(always)]
pub(super) fn cell_step_body(g: &mut [f32], c_prev: &[f32], cells: &mut [f32], hidden: &mut [f32]) {
    let h = cells.len();
    // Separate loops over each gate, so they vectorise.
    g[..2 * h].iter_mut().for_each(|x| *x = dense::sigmoid(*x));
    g[2 * h..3 * h]
        .iter_mut()
        .for_each(|x| *x = dense::tanh(*x));
    g[3 * h..].iter_mut().for_each(|x| *x = dense::sigmoid(*x));
    let (i, rest) = g.split_at(h);
    let (f, rest) = rest.split_at(h);
    let (c_in, o) = rest.split_at(h);
    for k in 0..h {
        cells[k] = f[k] * c_prev[k] + i[k] * c_in[k];
    }
    for k in 0..h {
        hidden[k] = o[k] * dense::tanh(cells[k]);
    }
}

impl Recurrence {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn forward(
        &mut self,
        w: &[f32],
        u: &[f32],
        b: &[f32],
        x: &[f32],
        d: usize,
        h: usize,
        n: usize,
        reverse: bool,
        packed: Option<&(Packed, Packed16)>,
    ) {
        // Input products for all words at once; then the recurrence.
        self.gates.clear();
        self.gates.resize(n * 4 * h, 0.0);
        for t in 0..n {
            self.gates[t * 4 * h..(t + 1) * 4 * h].copy_from_slice(b);
        }
        match packed {
            Some((pw, _)) => pw.gemm(&mut self.gates, x, n),
            None => dense::gemm(&mut self.gates, w, x, 4 * h, d),
        }
        self.recur(u, h, n, reverse, packed.map(|(_, pu)| pu));
    }

    /// The recurrence over gates that already hold `b + W·x`.
    pub(super) fn recur(
        &mut self,
        u: &[f32],
        h: usize,
        n: usize,
        reverse: bool,
        packed_u: Option<&Packed16>,
    ) {
        self.cells.clear();
        self.cells.resize(n * h, 0.0);
        self.hidden.clear();
        self.hidden.resize(n * h, 0.0);
        self.c_prev.clear();
        self.c_prev.resize(h, 0.0);
        let c_prev = &mut self.c_prev;
        for step in 0..n {
            let t = if reverse { n - 1 - step } else { step };
            let prev = (step > 0).then(|| if reverse { t + 1 } else { t - 1 });
            let g = &mut self.gates[t * 4 * h..(t + 1) * 4 * h];
            if let Some(p) = prev {
                let h_prev = &self.hidden[p * h..(p + 1) * h];
                match packed_u {
                    Some(pu) => {
                        pu.quantize(h_prev, 1, &mut self.h_prev);
                        pu.gemv(g, &self.h_prev);
                    }
                    None => dense::gemv(g, u, h_prev),
                }
                c_prev.copy_from_slice(&self.cells[p * h..(p + 1) * h]);
            }
            let (cells, hidden) = (
                &mut self.cells[t * h..(t + 1) * h],
                &mut self.hidden[t * h..(t + 1) * h],
            );
            // Training keeps the gate activations (in `g`) for backpropagation.
            match packed_u {
                Some(_) => dense::lstm_cell(g, c_prev, cells, hidden),
                None => cell_step(g, c_prev, cells, hidden),
            }
        }
    }

    /// The recurrence over the sentences `order` (token ranges, longest
    /// first) of one text at once: at each step the previous hidden states
    /// of all sentences still running go through `U` together, so each pass
    /// over `U` serves several words.
    pub(super) fn recur_batch(
        &mut self,
        pu: &Packed16,
        h: usize,
        order: &[(usize, usize)],
        reverse: bool,
        batch_h: &mut Vec<i16>,
        batch_at: &mut Vec<usize>,
    ) {
        let total = self.gates.len() / (4 * h);
        // Every step writes its cells and hidden state: no clearing needed.
        self.cells.resize(total * h, 0.0);
        self.hidden.resize(total * h, 0.0);
        self.c_prev.resize(h, 0.0);
        let pos =
            |(a, b): (usize, usize), step: usize| if reverse { b - 1 - step } else { a + step };
        let longest = order.first().map_or(0, |&(a, b)| b - a);
        let mut active = order.len();
        for step in 0..longest {
            while active > 0 && order[active - 1].1 - order[active - 1].0 <= step {
                active -= 1;
            }
            if step > 0 {
                let stride = pu.stride();
                batch_h.resize(active * stride, 0);
                batch_at.clear();
                for (j, &sentence) in order[..active].iter().enumerate() {
                    let p = pos(sentence, step - 1);
                    pu.input().quantize(
                        &self.hidden[p * h..(p + 1) * h],
                        &mut batch_h[j * stride..j * stride + h],
                    );
                    batch_at.push(pos(sentence, step) * 4 * h);
                }
                // U·h(t-1) is added to each word's gates in place.
                pu.gemm_at(&mut self.gates, batch_at, batch_h);
            }
            for &sentence in &order[..active] {
                let t = pos(sentence, step);
                let g = &mut self.gates[t * 4 * h..(t + 1) * 4 * h];
                if step > 0 {
                    let p = pos(sentence, step - 1);
                    self.c_prev.copy_from_slice(&self.cells[p * h..(p + 1) * h]);
                } else {
                    self.c_prev.iter_mut().for_each(|c| *c = 0.0);
                }
                dense::lstm_cell(
                    g,
                    &self.c_prev,
                    &mut self.cells[t * h..(t + 1) * h],
                    &mut self.hidden[t * h..(t + 1) * h],
                );
            }
        }
    }

    /// Backpropagation through time: `dv` holds the gradient of each
    /// word's output (stride `stride`, this direction's half at `offset`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn backward(
        &self,
        w: &[f32],
        u: &[f32],
        x: &[f32],
        dv: &[f32],
        stride: usize,
        offset: usize,
        d: usize,
        h: usize,
        n: usize,
        reverse: bool,
        gw: &mut [f32],
        gu: &mut [f32],
        gb: &mut [f32],
        dx: &mut [f32],
    ) {
        let mut dh_next = vec![0f32; h];
        let mut dc_next = vec![0f32; h];
        let mut da = vec![0f32; 4 * h];
        for step in (0..n).rev() {
            let t = if reverse { n - 1 - step } else { step };
            let prev = (step > 0).then(|| if reverse { t + 1 } else { t - 1 });
            let g = &self.gates[t * 4 * h..(t + 1) * 4 * h];
            for k in 0..h {
                let dh = dv[t * stride + offset + k] + dh_next[k];
                let (i, f, c_in, o) = (g[k], g[h + k], g[2 * h + k], g[3 * h + k]);
                let tc = dense::tanh(self.cells[t * h + k]);
                let c_prev = prev.map_or(0.0, |p| self.cells[p * h + k]);
                let d_o = dh * tc;
                let dc = dc_next[k] + dh * o * (1.0 - tc * tc);
                dc_next[k] = dc * f;
                da[k] = dc * c_in * i * (1.0 - i);
                da[h + k] = dc * c_prev * f * (1.0 - f);
                da[2 * h + k] = dc * i * (1.0 - c_in * c_in);
                da[3 * h + k] = d_o * o * (1.0 - o);
            }
            dense::axpy(gb, 1.0, &da);
            dense::outer(gw, &da, &x[t * d..(t + 1) * d]);
            dense::gemv_t(&mut dx[t * d..(t + 1) * d], w, &da);
            dh_next.iter_mut().for_each(|v| *v = 0.0);
            if let Some(p) = prev {
                dense::outer(gu, &da, &self.hidden[p * h..(p + 1) * h]);
                dense::gemv_t(&mut dh_next, u, &da);
            }
        }
    }
}
