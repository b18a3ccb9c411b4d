/**
 * Benchmarks, not tests: they take minutes and gigabytes and print figures rather than pass or fail. {@link
 * org.layerlab.runtime.tracking.bench.RunStoreBenchmark} measures the run store at scale, {@link
 * org.layerlab.runtime.tracking.bench.LoggingOverheadBenchmark} what recording costs a training run. Both run from the command line
 * ({@code layerlab bench-store}, {@code layerlab bench-logging}) or with {@code java -cp}.
 */
package org.layerlab.runtime.tracking.bench;
