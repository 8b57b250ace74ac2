package io.tessera.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the default of {@code tessera.worker.id} ({@code <hostname>-<pid>}) with the lowest ordinal, so any
 * configured id wins and expressions such as {@code worker-${tessera.worker.id}} (the cancellation consumer group)
 * always resolve.
 */
public class WorkerIdConfigSource implements ConfigSource {

    /** The configuration key this source supplies. */
    public static final String KEY = "tessera.worker.id";

    private final String defaultId = hostName() + "-" + ProcessHandle.current().pid();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, defaultId);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? defaultId : null;
    }

    @Override
    public String getName() {
        return "tessera-worker-default-id";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    /** This machine's host name: {@code HOSTNAME} if set, else the resolver's answer, else {@code localhost}. */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
