package io.steersman.api;
