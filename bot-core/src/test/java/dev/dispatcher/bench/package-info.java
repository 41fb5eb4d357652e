/**
 * JMH benchmarks of routing: our {@code WeightedRouter} against the seed's algorithm, with and without the decision
 * cache, over realistic tasks; and the memory a cached decision takes. Run with the {@code bench} Maven profile, see
 * {@code BENCHMARKS.md}.
 */
package dev.dispatcher.bench;
