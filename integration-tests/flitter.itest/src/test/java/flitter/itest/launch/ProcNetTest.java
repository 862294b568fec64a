package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcNetTest {
    @Test
    void decodesTheKernelsAddressForms() {
        assertEquals("127.0.0.1", ProcNet.address("0100007F"));
        assertEquals("0.0.0.0", ProcNet.address("00000000"));
        assertEquals("::ffff:127.0.0.1", ProcNet.address("0000000000000000FFFF00000100007F"));
        assertEquals("::1", ProcNet.address("00000000000000000000000001000000"));
        assertEquals("0:0:0:0:0:0:0:0", ProcNet.address("00000000000000000000000000000000"));
    }
}
