#!/usr/bin/env bash
# HAProxy external check of one Galera node: healthy only when the node is Synced (wsrep_local_state
# 4) and in the primary component. A node that is joining, a donor, or cut off from the majority
# answers on its port but must not take writes. HAProxy calls it with
# <proxy address> <proxy port> <server address> <server port>.
state=$(mariadb --no-defaults -h "$3" -P "$4" -u clustercheck --connect-timeout=1 -N -B -e \
  "SELECT MAX(IF(VARIABLE_NAME='WSREP_LOCAL_STATE', VARIABLE_VALUE, NULL)),
          MAX(IF(VARIABLE_NAME='WSREP_CLUSTER_STATUS', VARIABLE_VALUE, NULL))
     FROM information_schema.GLOBAL_STATUS
    WHERE VARIABLE_NAME IN ('WSREP_LOCAL_STATE', 'WSREP_CLUSTER_STATUS')" 2>/dev/null) || exit 1
[ "$state" = "$(printf '4\tPrimary')" ]
