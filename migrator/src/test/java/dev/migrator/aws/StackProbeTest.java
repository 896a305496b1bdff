package dev.migrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.migrator.model.StackSpec;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stack's probe asks for its account beside each service's cheap read (each is a round trip): the endpoint here
 * answers a request only once the other is under way too, so asking one after the other gets a 500 and a problem.
 * The emulators themselves are not called: asking for them gives the default credential chain their keys.
 */
@ExtendWith(LocalAwsExtension.class)
class StackProbeTest {
    private static final String ACCOUNT = "123456789012";

    @Test
    void asksForTheAccountBesideTheServicesRead(LocalAws credentialsSet) throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, both));
        server.start();
        try (StackClients clients = new StackClients(StackSpec.ofRegion("source", "us-east-1", "/source"),
                new EndpointResolver(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort())), 4)) {

            StackAccess access = new StackProbe(clients).probe(Set.of(AwsService.S3));

            assertThat(access.problems()).isEmpty();
            assertThat(access.account()).isEqualTo(ACCOUNT);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** ListBuckets or STS GetCallerIdentity, each once the other has arrived (10 s at most, else 500). */
    private static void answer(HttpExchange exchange, CyclicBarrier both) throws IOException {
        exchange.getRequestBody().readAllBytes();
        boolean sts = exchange.getRequestMethod().equals("POST");
        try {
            both.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        String xml = sts
                ? "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::" + ACCOUNT + ":user/probe</Arn><UserId>PROBE</UserId><Account>" + ACCOUNT
                        + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                        + "</GetCallerIdentityResponse>"
                : "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>o</ID></Owner><Buckets>"
                        + "</Buckets></ListAllMyBucketsResult>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
