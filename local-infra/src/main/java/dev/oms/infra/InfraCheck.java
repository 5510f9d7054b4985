package dev.oms.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reachability checks of the local dependencies, with messages that say how to fix them. */
public final class InfraCheck {

    static final int CONNECT_TIMEOUT_MS = 2000;

    private InfraCheck() {
    }

    /**
     * Connects and logs in to MariaDB/MySQL.
     *
     * @return the server version
     * @throws InfraUnavailableException when nothing listens on host:port or the login is refused
     */
    public static String requireMysql(String host, int port, String user, String password) {
        String where = host + ":" + port;
        String tcpError = tcpError(host, port);
        if (tcpError != null) {
            throw new InfraUnavailableException("MariaDB/MySQL is not reachable at " + where + " (" + tcpError + "). "
                    + "Start it with `./oms up` (on Debian as root it installs and starts MariaDB), or: "
                    + "`sudo apt-get install -y mariadb-server && sudo service mariadb start`; "
                    + "or point OMS_DB_HOST/OMS_DB_PORT at a running MariaDB 10.11+ / MySQL 8.");
        }
        try (Connection c = TestDatabases.connect(host, port, user, password, null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new InfraUnavailableException("MariaDB/MySQL at " + where + " accepts TCP connections but does"
                        + " not answer like MariaDB/MySQL (" + firstLine(e.getMessage()) + "). Check OMS_DB_HOST/"
                        + "OMS_DB_PORT, or start MariaDB with `./oms up`.");
            }
            String hint = e.getErrorCode() == 1045 || e.getErrorCode() == 1698
                    ? "Set OMS_DB_USER/OMS_DB_PASSWORD to an account that may create databases "
                    + "(default root with an empty password), e.g. "
                    + "`sudo mariadb -e \"ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket\"`."
                    : "Check that " + where + " is a MariaDB/MySQL server and that it accepts connections.";
            throw new InfraUnavailableException("MariaDB/MySQL at " + where + " refused the connection as user '"
                    + user + "': " + firstLine(e.getMessage()) + ". " + hint);
        }
    }

    /**
     * Connects to Redis and sends PING.
     *
     * @throws InfraUnavailableException when nothing listens on host:port or it does not answer like Redis
     */
    public static void requireRedis(String host, int port) {
        String where = host + ":" + port;
        String fix = "Start it with `./oms up` (on Debian as root it installs and starts Redis), or: "
                + "`sudo apt-get install -y redis-server && redis-server --daemonize yes --port " + port
                + " --bind 127.0.0.1 --save '' --appendonly no`; or point OMS_REDIS_HOST/OMS_REDIS_PORT at a running Redis 7.";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readLine(socket.getInputStream());
            // -NOAUTH: it is Redis, it wants a password (the client config handles that).
            if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) {
                throw new InfraUnavailableException("Something listens on " + where
                        + " but it does not answer PING like Redis (got '" + reply + "'). " + fix);
            }
        } catch (IOException e) {
            throw new InfraUnavailableException("Redis is not reachable at " + where + " (" + describe(e) + "). " + fix);
        }
    }

    /** Null when a TCP connection to host:port succeeds, else why not. */
    public static String tcpError(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return describe(e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && sb.length() < 200) {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
