package io.steersman.distribution;
