package io.steersman.core;
