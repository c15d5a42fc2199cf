from graphx.cli import main

# A guard, so worker processes started with "spawn" (Dask's LocalCluster) that import this
# module as their main do not run the command again.
if __name__ == "__main__":
    main()
