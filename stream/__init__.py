"""The streaming layer: the only code that touches Kafka and Faust."""
