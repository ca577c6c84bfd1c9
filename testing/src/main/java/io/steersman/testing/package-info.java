package io.steersman.testing;
