package io.steersman.apiserver;
