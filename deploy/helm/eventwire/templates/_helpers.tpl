{{/* Names: Helm-standard, truncated to the 63 characters DNS labels allow. */}}
{{- define "eventwire.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "eventwire.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "eventwire.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: immutable on a Deployment, so never include the version. */}}
{{- define "eventwire.selectorLabels" -}}
app.kubernetes.io/name: {{ include "eventwire.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: worker
{{- end -}}

{{/* The live view's pods: same name and instance, their own component. */}}
{{- define "eventwire.viewSelectorLabels" -}}
app.kubernetes.io/name: {{ include "eventwire.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: view
{{- end -}}

{{- define "eventwire.viewName" -}}
{{- printf "%s-view" (include "eventwire.fullname" . | trunc 58 | trimSuffix "-") -}}
{{- end -}}

{{/* Kubernetes recommended labels, on every object. */}}
{{- define "eventwire.labels" -}}
helm.sh/chart: {{ include "eventwire.chart" . }}
{{ include "eventwire.selectorLabels" . }}
app.kubernetes.io/version: {{ (include "eventwire.imageTag" .) | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: eventwire
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Same as labels, with a different component (the helm test pod). */}}
{{- define "eventwire.labelsFor" -}}
{{- $ctx := index . 0 -}}
{{ include "eventwire.labels" $ctx | replace "app.kubernetes.io/component: worker" (printf "app.kubernetes.io/component: %s" (index . 1)) }}
{{- end -}}

{{- define "eventwire.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{/* registry/repository:tag, or @digest when a digest pins the image. */}}
{{- define "eventwire.image" -}}
{{- $repo := .Values.image.repository -}}
{{- if .Values.image.registry -}}
{{- $repo = printf "%s/%s" .Values.image.registry .Values.image.repository -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "eventwire.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{- define "eventwire.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "eventwire.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* PLAINTEXT / SSL / SASL_PLAINTEXT / SASL_SSL, derived so it cannot disagree with sasl/tls. */}}
{{- define "eventwire.securityProtocol" -}}
{{- $transport := ternary "SSL" "PLAINTEXT" .Values.kafka.tls.enabled -}}
{{- if .Values.kafka.sasl.enabled -}}
{{- printf "SASL_%s" $transport -}}
{{- else -}}
{{- $transport -}}
{{- end -}}
{{- end -}}

{{/* Where the TLS secret's keys are mounted. */}}
{{- define "eventwire.tlsDir" -}}/etc/eventwire/kafka-tls{{- end -}}

{{- define "eventwire.mutualTls" -}}
{{- if and .Values.kafka.tls.existingSecret .Values.kafka.tls.certKey .Values.kafka.tls.keyKey -}}true{{- end -}}
{{- end -}}

{{/* The highest replica count any autoscaler may reach (0 when none is on). */}}
{{- define "eventwire.maxReplicas" -}}
{{- if .Values.keda.enabled -}}{{ .Values.keda.maxReplicaCount }}
{{- else if .Values.autoscaling.hpa.enabled -}}{{ .Values.autoscaling.hpa.maxReplicas }}
{{- else -}}{{ .Values.replicaCount }}{{- end -}}
{{- end -}}
