package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BiFunction;

/**
 * The local bank simulator's customers are the returnees this platform registered: an account nobody registered with the
 * simulator carries the holder name given at registration (disbursement's payee projection), as a real bank would answer
 * an account inquiry for its customer. A test that wants the bank to know another name registers the account itself.
 */
final class RegisteredHolderNames implements BiFunction<String, String, String> {

    private static final Logger log = LoggerFactory.getLogger(RegisteredHolderNames.class);

    private final String url;
    private final String user;
    private final String password;

    RegisteredHolderNames(MariaDbServer database, String user, String password) {
        this.url = database.jdbcUrl("disbursement");
        this.user = user;
        this.password = password;
    }

    /** One connection, kept: the simulator answers inquiries one at a time per lookup, and a connection per call costs more. */
    private Connection connection;

    @Override
    public synchronized String apply(String bankCode, String accountNumber) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (connection == null || !connection.isValid(1)) {
                    connection = DriverManager.getConnection(url, user, password);
                }
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT account_holder_name FROM payee WHERE bank_code = ? AND account_number = ? LIMIT 1")) {
                    s.setString(1, bankCode);
                    s.setString(2, accountNumber);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "";
                    }
                }
            } catch (SQLException e) {
                log.warn("Bank simulator cannot look up the holder of an account: {}", e.getMessage());
                connection = null;
            }
        }
        return "";
    }
}
