package respchain.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs a Neo4j Community DBMS (embedded API) with only the Bolt connector on
 * 127.0.0.1:PORT. Prints "READY bolt://127.0.0.1:PORT" once the default
 * database is available and stays up until SIGTERM / Ctrl-C.
 *
 * Args: --home DIR --port N [--import-dir DIR]
 * Env:  NEO4J_PAGECACHE (default 256m), NEO4J_IMPORT_DIR (same as --import-dir)
 */
public final class Launcher {

    private static void usage(String msg) {
        System.err.println("error: " + msg);
        System.err.println("usage: Launcher --home DIR --port N [--import-dir DIR]");
        System.exit(2);
    }

    /** "256m", "1g", "512k" or plain bytes. */
    static long parseBytes(String v) {
        String s = v.trim().toLowerCase();
        long mult = 1;
        if (s.endsWith("b")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("k")) { mult = 1L << 10; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("m")) { mult = 1L << 20; s = s.substring(0, s.length() - 1); }
        else if (s.endsWith("g")) { mult = 1L << 30; s = s.substring(0, s.length() - 1); }
        try {
            return Long.parseLong(s.trim()) * mult;
        } catch (NumberFormatException e) {
            usage("bad NEO4J_PAGECACHE value: " + v);
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        String home = null;
        String importDir = System.getenv("NEO4J_IMPORT_DIR");
        int port = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && a.startsWith("--")) usage("missing value for " + a);
            switch (a) {
                case "--home": home = args[++i]; break;
                case "--port": port = Integer.parseInt(args[++i]); break;
                case "--import-dir": importDir = args[++i]; break;
                default: usage("unknown argument " + a);
            }
        }
        if (home == null) usage("--home is required");
        if (port <= 0 || port > 65535) usage("--port is required (1..65535)");

        Path homePath = Path.of(home).toAbsolutePath();
        Files.createDirectories(homePath);

        long pagecacheBytes = parseBytes(System.getenv().getOrDefault("NEO4J_PAGECACHE", "256m"));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(homePath)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheBytes)
                // dbms.usage_report.enabled
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Internal: Netty's graceful-shutdown quiet period (default 5 s,
                // paid twice) made every stop take ~10 s longer than needed.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        if (importDir != null && !importDir.isEmpty()) {
            Path imp = Path.of(importDir).toAbsolutePath();
            Files.createDirectories(imp);
            // server.directories.import: LOAD CSV 'file:///x.csv' resolves to <imp>/x.csv
            builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, imp);
            // dbms.security.allow_csv_import_from_file_urls
            builder.setConfig(GraphDatabaseSettings.allow_file_urls, true);
        }

        long t0 = System.nanoTime();
        final DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Launcher: shutting down Neo4j");
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            }
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!db.isAvailable(1000)) {
            if (System.nanoTime() > deadline) {
                System.err.println("Launcher: database 'neo4j' not available after 3 minutes");
                System.exit(1);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.println("Launcher: database 'neo4j' available after " + ms + " ms");
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Block until the JVM is asked to exit (SIGTERM / SIGINT run the hook).
        Thread.currentThread().join();
    }
}
