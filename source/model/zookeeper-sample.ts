// What Debian's zookeeper package installs as zoo.cfg (/etc/zookeeper/conf_example/zoo.cfg, 3.8),
// up to clientPort. A zoo.cfg written where none exists starts from it: without tickTime, initLimit
// and syncLimit an ensemble refuses to start ("initLimit is not set"), as rehearsed roots made with
// only the server lines did.
export const zooCfgSample = `# The number of milliseconds of each tick
tickTime=2000
# The number of ticks that the initial 
# synchronization phase can take
initLimit=10
# The number of ticks that can pass between 
# sending a request and getting an acknowledgement
syncLimit=5
# the directory where the snapshot is stored.
# do not use /tmp for storage, /tmp here is just 
# example sakes.
dataDir=/var/lib/zookeeper
# the port at which the clients will connect
clientPort=2181
`;
