package io.steersman.benchmarks;
