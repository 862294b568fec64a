package flitter.shell.impl;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code config:show}, {@code config:set} and {@code config:unset}: ConfigAdmin configuration from the
 * shell, as a {@code .cfg} file in {@code load/} would set it; components apply it without a restart.
 * Values that are secrets are never shown.
 */
@Component(service = ConfigCommands.class, property = {
    "osgi.command.scope=config",
    "osgi.command.function=show",
    "osgi.command.function=set",
    "osgi.command.function=unset"
})
public final class ConfigCommands {
    /** Keys whose values are masked. */
    static final Pattern SECRET = Pattern.compile("(?i)secret|password|passwd|token|credential");
    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configurations;

    @Activate
    public ConfigCommands(@Reference ConfigurationAdmin configurations) {
        this.configurations = configurations;
    }

    @Descriptor("show the configuration of a PID (e.g. flitter.webrtc, flitter.signalling.broadcast); secrets masked")
    public Object show(@Descriptor("the configuration's PID") String pid) throws IOException {
        Configuration configuration = existing(pid);
        Map<String, Object> shown = new TreeMap<>();
        if (configuration != null && configuration.getProperties() != null) {
            Dictionary<String, Object> properties = configuration.getProperties();
            for (String key : Collections.list(properties.keys())) {
                if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                    shown.put(key, masked(key, properties.get(key)));
                }
            }
        }
        if (shown.isEmpty()) {
            return pid + ": nothing set; every setting has its default (the README lists them)";
        }
        return shown;
    }

    @Descriptor("set one value of a PID's configuration; the component applies it without a restart")
    public Object set(@Descriptor("the configuration's PID") String pid,
            @Descriptor("the setting's name") String key, @Descriptor("its value, as in a .cfg file") String value)
            throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, ANY_LOCATION);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(key, value);
        configuration.update(properties);
        return show(pid);
    }

    @Descriptor("remove one value of a PID's configuration: the setting goes back to its default")
    public Object unset(@Descriptor("the configuration's PID") String pid,
            @Descriptor("the setting's name") String key) throws IOException {
        Configuration configuration = existing(pid);
        if (configuration == null || configuration.getProperties() == null
                || configuration.getProperties().get(key) == null) {
            throw new IllegalArgumentException(pid + " has no setting '" + key + "'");
        }
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.remove(key);
        configuration.update(properties);
        return show(pid);
    }

    private Configuration existing(String pid) throws IOException {
        try {
            // The PID is a value in the filter, never a pattern: escape what the filter syntax reserves.
            String value = pid.replaceAll("([\\\\*()])", "\\\\$1");
            Configuration[] found = configurations.listConfigurations("(service.pid=" + value + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + pid + "' is not a PID");
        }
    }

    static Object masked(String key, Object value) {
        return SECRET.matcher(key).find() && value != null && !String.valueOf(value).isEmpty() ? "****" : value;
    }
}
