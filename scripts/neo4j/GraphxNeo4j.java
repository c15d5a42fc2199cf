import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Neo4j 5.26 Community in one process with Bolt on 127.0.0.1, for graphx's tests and for local
 * use without Docker. Data persists in the home folder; the password comes from the environment
 * (NEO4J_PASSWORD) and is never printed.
 *
 * usage: GraphxNeo4j HOME PORT
 */
public final class GraphxNeo4j {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be set, at least 8 characters");
            System.exit(2);
        }
        Files.createDirectories(home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
            .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        try {
            dbms.database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A restart on existing data with the same password: nothing to change.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                System.err.println("cannot set the neo4j password: " + e.getMessage());
                System.exit(1);
            }
        }
        System.out.println("bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
