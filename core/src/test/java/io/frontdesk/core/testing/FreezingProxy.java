package io.frontdesk.core.testing;

import com.mongodb.ServerAddress;
import io.frontdesk.core.store.MongoStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to a store that can be frozen: while frozen it forwards nothing, as a store
 * whose network thread is busy with something else answers nothing. Thawed, it closes each
 * connection that carried bytes during the freeze, those bytes undelivered, and forwards the rest
 * as before. (A stalled store might still apply a request its client has given up on, possibly
 * after a newer one; a test asserting the order of writes cannot allow that, so here it never
 * happens.) Test support.
 */
public final class FreezingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private boolean frozen;

  public FreezingProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "freezing-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  /** A proxy in front of the store's server. */
  public static FreezingProxy to(MongoStore store) throws IOException {
    ServerAddress address =
        store.client().getClusterDescription().getServerDescriptions().get(0).getAddress();
    return new FreezingProxy(new InetSocketAddress(address.getHost(), address.getPort()));
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + server.getLocalPort();
  }

  public void freeze(boolean on) {
    synchronized (gate) {
      frozen = on;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket store = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(store);
        pump(client, store);
        pump(store, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  boolean held = false;
                  synchronized (gate) {
                    while (frozen) {
                      held = true;
                      gate.wait();
                    }
                  }
                  if (held) {
                    // Dropped with the connection, as a partition resets it: a request its client
                    // gave up on meanwhile must not reach the store after newer ones.
                    return;
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // A side closed: close both.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "freezing-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    freeze(false);
    server.close();
    sockets.forEach(FreezingProxy::closeQuietly);
  }
}
