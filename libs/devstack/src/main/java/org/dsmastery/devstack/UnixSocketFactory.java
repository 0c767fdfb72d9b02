package org.dsmastery.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import javax.net.SocketFactory;

/**
 * A socket factory for the PostgreSQL JDBC driver ({@code socketFactory}) that connects
 * through a Unix-domain socket, whatever host and port the JDBC URL names. The driver
 * instantiates it by name with the socket's path as {@code socketFactoryArg}.
 *
 * <p>
 * A secure dev stack administers its PostgreSQL this way: the superuser {@code postgres}
 * may log in through the socket only, which lives in a directory no one but the stack's
 * owner can enter, and never over TCP. Public because the driver instantiates it
 * reflectively; not meant for applications.
 */
public final class UnixSocketFactory extends SocketFactory {

	private final Path path;

	/**
	 * Creates the factory.
	 * @param path the socket file, such as {@code <dir>/.s.PGSQL.15432}
	 */
	public UnixSocketFactory(String path) {
		this.path = Path.of(path);
	}

	@Override
	public Socket createSocket() {
		return new UnixSocket(this.path);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected();
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected();
	}

	private Socket connected() throws IOException {
		Socket socket = createSocket();
		socket.connect(null);
		return socket;
	}

	/**
	 * A {@link Socket} over a Unix-domain {@link SocketChannel}: the driver speaks to a
	 * {@code Socket}, and the JDK offers Unix-domain sockets as channels only. TCP
	 * options mean nothing here; the driver sets them all the same, so they are accepted
	 * and ignored. Timeouts are not enforced: the stack's administration statements are
	 * short.
	 */
	private static final class UnixSocket extends Socket {

		private final Path path;

		private SocketChannel channel;

		private int timeout;

		UnixSocket(Path path) {
			this.path = path;
		}

		@Override
		public void connect(SocketAddress endpoint) throws IOException {
			connect(endpoint, 0);
		}

		@Override
		public synchronized void connect(SocketAddress endpoint, int timeout) throws IOException {
			this.channel = SocketChannel.open(UnixDomainSocketAddress.of(this.path));
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return Channels.newInputStream(connectedChannel());
		}

		@Override
		public OutputStream getOutputStream() throws IOException {
			return Channels.newOutputStream(connectedChannel());
		}

		@Override
		public synchronized boolean isConnected() {
			return this.channel != null && this.channel.isConnected();
		}

		@Override
		public synchronized boolean isClosed() {
			return this.channel != null && !this.channel.isOpen();
		}

		@Override
		public synchronized void close() throws IOException {
			if (this.channel != null) {
				this.channel.close();
			}
		}

		@Override
		public void setTcpNoDelay(boolean on) {
		}

		@Override
		public boolean getTcpNoDelay() {
			return true;
		}

		@Override
		public void setKeepAlive(boolean on) {
		}

		@Override
		public boolean getKeepAlive() {
			return false;
		}

		@Override
		public synchronized void setSoTimeout(int timeout) {
			this.timeout = timeout;
		}

		@Override
		public synchronized int getSoTimeout() {
			return this.timeout;
		}

		@Override
		public void setReceiveBufferSize(int size) {
		}

		@Override
		public int getReceiveBufferSize() {
			return 65536;
		}

		@Override
		public void setSendBufferSize(int size) {
		}

		@Override
		public int getSendBufferSize() {
			return 65536;
		}

		private synchronized SocketChannel connectedChannel() throws SocketException {
			if (this.channel == null || !this.channel.isOpen()) {
				throw new SocketException("not connected to " + this.path);
			}
			return this.channel;
		}

	}

}
