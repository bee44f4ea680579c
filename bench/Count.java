import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/** Prints the single number a query returns. Usage: java -cp datamingle.jar bench/Count.java JDBC_URL USER SQL */
public class Count {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    if (!args[1].isEmpty()) {
      props.setProperty("user", args[1]);
    }
    try (Connection c = DriverManager.getConnection(args[0], props); ResultSet rs = c.createStatement().executeQuery(args[2])) {
      rs.next();
      System.out.println(rs.getLong(1));
    }
  }
}
