package flitter.shell.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code flitter:version}: what this host is made of. */
@Component(service = VersionCommand.class, property = {
    "osgi.command.scope=flitter",
    "osgi.command.function=version"
})
public final class VersionCommand {
    private final BundleContext context;

    @Activate
    public VersionCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("show the versions of the Flitter host, the OSGi framework, Java and the operating system")
    public Map<String, String> version() {
        return describe(context.getBundle(), context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION),
            System.getProperties());
    }

    static Map<String, String> describe(Bundle host, Bundle framework, java.util.Properties system) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("flitter", host.getVersion().toString());
        versions.put("framework", framework.getSymbolicName() + " " + framework.getVersion());
        versions.put("java", system.getProperty("java.vm.name") + " " + system.getProperty("java.version"));
        versions.put("os", system.getProperty("os.name") + " " + system.getProperty("os.version")
            + " " + system.getProperty("os.arch"));
        return versions;
    }
}
