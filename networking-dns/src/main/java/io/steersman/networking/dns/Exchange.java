package io.steersman.networking.dns;

import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * One query in, one response out, in wire format, for both transports: FORMERR for a message that
 * does not parse (when at least its header does), SERVFAIL when answering fails, an OPT record
 * back when the query has one (EDNS), and over UDP a response cut to the client's size (512
 * bytes, or the EDNS payload size) with the TC flag set, so the client retries over TCP.
 */
final class Exchange {
    private Exchange() {}

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final int UDP_DEFAULT = 512;
    private static final int EDNS_PAYLOAD = 1232;
    private static final int TCP_MAX = 65535;

    /** The response to the {@code length} bytes of {@code query}, or null when they are not even a header. */
    static byte[] respond(ClusterZone zone, byte[] query, int length, boolean udp) {
        byte[] data = Arrays.copyOf(query, length);
        Message request;
        try {
            request = new Message(data);
        } catch (IOException malformed) {
            return failure(data, Rcode.FORMERR);
        }
        Message response;
        try {
            response = zone.answer(request);
        } catch (RuntimeException e) {
            LOG.warn("cluster DNS: answering {} failed", request.getQuestion(), e);
            return failure(data, Rcode.SERVFAIL);
        }
        OPTRecord opt = request.getOPT();
        int max = udp ? UDP_DEFAULT : TCP_MAX;
        if (opt != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
            if (udp) {
                max = Math.max(UDP_DEFAULT, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
            }
        }
        return response.toWire(max);
    }

    private static byte[] failure(byte[] data, int rcode) {
        if (data.length < Header.LENGTH) {
            return null;
        }
        try {
            Header header = new Header(data);
            Message response = new Message(header.getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setOpcode(header.getOpcode());
            response.getHeader().setRcode(rcode);
            return response.toWire();
        } catch (IOException e) {
            return null;
        }
    }
}
