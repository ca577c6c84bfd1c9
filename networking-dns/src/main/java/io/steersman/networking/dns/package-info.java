package io.steersman.networking.dns;
