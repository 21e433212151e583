{{/*
Checks the schema cannot express (relations between values). Every failure
names the values to change, so `helm install` says what is wrong and how to fix it.
*/}}
{{- define "eventwire.validateValues" -}}
{{- $v := .Values -}}
{{- $errors := list -}}
{{- $partitions := int $v.topics.partitions -}}
{{- if and $v.keda.enabled $v.autoscaling.hpa.enabled -}}
{{- $errors = append $errors "keda.enabled and autoscaling.hpa.enabled are both true: both would own the Deployment's replica count. Enable at most one." -}}
{{- end -}}
{{- if and $v.keda.enabled (gt (int $v.keda.maxReplicaCount) $partitions) -}}
{{- $errors = append $errors (printf "keda.maxReplicaCount (%d) exceeds topics.partitions (%d): a consumer beyond the partition count gets no partition. Lower it or add partitions." (int $v.keda.maxReplicaCount) $partitions) -}}
{{- end -}}
{{- if and $v.keda.enabled (gt (int $v.keda.minReplicaCount) (int $v.keda.maxReplicaCount)) -}}
{{- $errors = append $errors "keda.minReplicaCount is above keda.maxReplicaCount." -}}
{{- end -}}
{{- if and $v.autoscaling.hpa.enabled (gt (int $v.autoscaling.hpa.maxReplicas) $partitions) -}}
{{- $errors = append $errors (printf "autoscaling.hpa.maxReplicas (%d) exceeds topics.partitions (%d): a consumer beyond the partition count gets no partition. Lower it or add partitions." (int $v.autoscaling.hpa.maxReplicas) $partitions) -}}
{{- end -}}
{{- if and $v.autoscaling.hpa.enabled (gt (int $v.autoscaling.hpa.minReplicas) (int $v.autoscaling.hpa.maxReplicas)) -}}
{{- $errors = append $errors "autoscaling.hpa.minReplicas is above autoscaling.hpa.maxReplicas." -}}
{{- end -}}
{{- if and (not $v.keda.enabled) (not $v.autoscaling.hpa.enabled) (gt (int $v.replicaCount) $partitions) -}}
{{- $errors = append $errors (printf "replicaCount (%d) exceeds topics.partitions (%d): the extra consumers would get no partition and never turn ready." (int $v.replicaCount) $partitions) -}}
{{- end -}}
{{- if and $v.kafka.sasl.enabled (not $v.kafka.sasl.existingSecret) -}}
{{- $errors = append $errors "kafka.sasl.enabled needs kafka.sasl.existingSecret: the name of a Secret with the SASL user name and password (values never hold credentials)." -}}
{{- end -}}
{{- if ne (empty $v.kafka.tls.certKey) (empty $v.kafka.tls.keyKey) -}}
{{- $errors = append $errors "kafka.tls.certKey and kafka.tls.keyKey go together (mutual TLS): set both or neither." -}}
{{- end -}}
{{- if and $v.kafka.tls.certKey (not $v.kafka.tls.existingSecret) -}}
{{- $errors = append $errors "kafka.tls.certKey/keyKey need kafka.tls.existingSecret, the Secret that holds them." -}}
{{- end -}}
{{- if and (or $v.kafka.tls.existingSecret $v.kafka.tls.certKey) (not $v.kafka.tls.enabled) -}}
{{- $errors = append $errors "kafka.tls.existingSecret is set but kafka.tls.enabled is false." -}}
{{- end -}}
{{- if and $v.pdb.create (not (kindIs "invalid" $v.pdb.minAvailable)) (ne (toString $v.pdb.minAvailable) "") (not (kindIs "invalid" $v.pdb.maxUnavailable)) (ne (toString $v.pdb.maxUnavailable) "") -}}
{{- $errors = append $errors "pdb.minAvailable and pdb.maxUnavailable are both set: a PodDisruptionBudget takes one. Empty the other." -}}
{{- end -}}
{{- if has $v.clusters.topic (list $v.topics.input $v.topics.output $v.topics.deadLetter) -}}
{{- $errors = append $errors (printf "clusters.topic (%s) must differ from topics.input, topics.output and topics.deadLetter." $v.clusters.topic) -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\n\neventwire: invalid values:\n  - %s\n" (join "\n  - " $errors)) -}}
{{- end -}}
{{- end -}}
