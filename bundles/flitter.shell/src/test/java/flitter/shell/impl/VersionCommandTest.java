package flitter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class VersionCommandTest {
    @Test
    void describesHostFrameworkJavaAndSystem() {
        Properties system = new Properties();
        system.setProperty("java.vm.name", "OpenJDK 64-Bit Server VM");
        system.setProperty("java.version", "17.0.15");
        system.setProperty("os.name", "Linux");
        system.setProperty("os.version", "6.1");
        system.setProperty("os.arch", "amd64");

        Map<String, String> versions = VersionCommand.describe(bundle("flitter.shell", "0.1.0.SNAPSHOT"),
            bundle("org.apache.felix.framework", "7.0.5"), system);

        assertEquals(List.of("flitter", "framework", "java", "os"), List.copyOf(versions.keySet()));
        assertEquals("0.1.0.SNAPSHOT", versions.get("flitter"));
        assertEquals("org.apache.felix.framework 7.0.5", versions.get("framework"));
        assertEquals("OpenJDK 64-Bit Server VM 17.0.15", versions.get("java"));
        assertEquals("Linux 6.1 amd64", versions.get("os"));
    }

    private static Bundle bundle(String symbolicName, String version) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getSymbolicName" -> symbolicName;
                case "getVersion" -> Version.parseVersion(version);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }
}
