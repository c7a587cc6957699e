//! Shared pieces of the benchmarks. The benchmarks themselves are the `[[bench]]` targets; JS
//! benchmarks against node live in `js/`.
