import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node for the tests (java OpenSearchNode.java HTTP_PORT DATA_DIR): prints "GUICHET-OPENSEARCH-READY"
 * once the cluster is yellow, and stops when its standard input closes (the test ends).
 */
public class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        var runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> settings.put("http.port", args[0]).put("discovery.type", "single-node")
                .put("transport.port", String.valueOf(Integer.parseInt(args[0]) + 100)));
        runner.build(OpenSearchRunner.newConfigs().basePath(args[1]).numOfNode(1).clusterName("guichet-test"));
        runner.ensureYellow();
        System.out.println("GUICHET-OPENSEARCH-READY");
        System.out.flush();
        while (System.in.read() != -1) {
            // until the test closes our input
        }
        runner.close();
        runner.clean();
    }
}
